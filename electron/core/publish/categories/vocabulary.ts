// A small Italian vocabulary of the pavilion's trades (domain.md): the words a clerk types, and
// the English words the pavilion's category names use. Searching "borse in pelle" finds "Handbags";
// the words a firm actually used are remembered per leaf on top of this seed.
const SEED: Record<string, string[]> = {
  // wine and spirits
  vino: ['wine'], rosso: ['wine'], bianco: ['wine'], rosato: ['wine'], cantina: ['wine'], chianti: ['wine'], brunello: ['wine'],
  barolo: ['wine'], montepulciano: ['wine'], primitivo: ['wine'], docg: ['wine'], doc: ['wine'], igt: ['wine'],
  spumante: ['sparkling wine'], prosecco: ['sparkling wine'], franciacorta: ['sparkling wine'], bollicine: ['sparkling wine'],
  passito: ['dessert wine'], vinsanto: ['dessert wine'], marsala: ['fortified wine'], moscato: ['dessert wine'],
  biologico: ['organic'], grappa: ['grappa'], acquavite: ['brandy'], liquore: ['liqueur'], limoncello: ['limoncello'], amaro: ['amaro'],
  nocino: ['nut liqueur'], vermut: ['vermouth'], aperitivo: ['aperitif'], birra: ['beer'], sidro: ['cider'], distillato: ['spirits'],
  // oil and food
  olio: ['oil', 'olive oil'], extravergine: ['olive oil'], evo: ['olive oil'], oliva: ['olive oil'], frantoio: ['olive oil'],
  aromatizzato: ['flavored'], tartufo: ['truffle', 'truffles'], girasole: ['sunflower oil'],
  pasta: ['pasta'], spaghetti: ['pasta'], penne: ['pasta'], fusilli: ['pasta'], rigatoni: ['pasta'], orecchiette: ['pasta'],
  tagliatelle: ['egg pasta'], pappardelle: ['egg pasta'], uovo: ['egg pasta'], fresca: ['fresh pasta'], gnocchi: ['gnocchi'],
  semola: ['durum wheat semolina'], grano: ['wheat'], riso: ['rice'], carnaroli: ['risotto rice'], arborio: ['risotto rice'], farina: ['flour'],
  formaggio: ['cheese'], parmigiano: ['hard cheese'], grana: ['hard cheese'], pecorino: ['hard cheese'], asiago: ['semi-hard cheese'],
  mozzarella: ['fresh cheese'], burrata: ['fresh cheese'], ricotta: ['fresh cheese'], gorgonzola: ['blue cheese'], taleggio: ['soft cheese'],
  burro: ['butter'], caffe: ['coffee'], espresso: ['coffee'], chicchi: ['coffee beans'], macinato: ['ground coffee'], capsule: ['capsules'],
  cialde: ['pods'], te: ['tea'], tisana: ['herbal tea'], aceto: ['vinegar'], balsamico: ['balsamic vinegar'], sugo: ['pasta sauce'],
  passata: ['tomato sauce'], pomodoro: ['tomato', 'tomatoes'], pelati: ['canned tomatoes'], pesto: ['pesto'], sale: ['salt'], spezie: ['spices'],
  miele: ['honey'], olive: ['olives'], sottolio: ['preserved vegetables'], marmellata: ['jam'], confettura: ['jam'], tonno: ['canned fish'],
  prosciutto: ['cured ham'], salame: ['salami'], salumi: ['cured ham', 'salami'], salsiccia: ['sausages'], cioccolato: ['chocolate'],
  caramelle: ['candy'], torrone: ['nougat'], biscotti: ['biscuits', 'cookies'], panettone: ['panettone'], pandoro: ['panettone'],
  dolci: ['pastries', 'confectionery'], acqua: ['mineral water'], succo: ['fruit juice'], sciroppo: ['syrups'], nocciole: ['hazelnuts'],
  mandorle: ['almonds'], pistacchi: ['pistachios'], frutta: ['fruit'], secca: ['dried fruit'],
  // leather, bags, fashion
  pelle: ['leather'], cuoio: ['leather'], pelletteria: ['leather'], borsa: ['handbags', 'bags'], borsetta: ['handbags'],
  tracolla: ['shoulder bags', 'crossbody bags'], pochette: ['clutches'], zaino: ['backpacks'], valigia: ['luggage'], trolley: ['luggage'],
  ventiquattrore: ['briefcases'], cartella: ['briefcases'], borsone: ['travel bags'], shopper: ['tote bags'],
  cintura: ['belts'], cinta: ['belts'], fibbia: ['belt buckles'], bretelle: ['suspenders'], portafoglio: ['wallets'],
  portacarte: ['card holders'], portatessere: ['card holders'], portachiavi: ['key holders'], portamonete: ['coin purses'],
  cinturino: ['watch straps'], guanti: ['gloves'], sciarpa: ['scarves'], foulard: ['scarves'], cravatta: ['ties'], cappello: ['hats'],
  gemelli: ['cufflinks'], scarpe: ['shoes'], calzature: ['shoes'], stivali: ['boots'], stivaletti: ['boots'], sandali: ['sandals'],
  mocassini: ['loafers'], decollete: ['pumps'], ballerine: ['flats'], stringate: ['dress shoes'], pantofole: ['slippers'],
  uomo: ["men's"], donna: ["women's"], bambino: ["children's", 'boys'], bambina: ["girls'"],
  abito: ['dresses', 'suits'], vestito: ['dresses'], gonna: ['skirts'], pantaloni: ['trousers'], camicia: ['shirts', 'blouses'],
  giacca: ['jackets', 'blazers'], cappotto: ['coats'], maglia: ['knitwear'], maglione: ['knitwear'], cashmere: ['knitwear'],
  maglietta: ['t-shirts'], polo: ['polo shirts'], intimo: ['underwear', 'lingerie'], pigiama: ['pajamas'], calze: ['socks'],
  // ceramics, home, furniture
  ceramica: ['dishes', 'ceramic'], piatto: ['dishes', 'plates'], piatti: ['dishes', 'plates'], ciotola: ['bowls'], scodella: ['bowls'],
  tazza: ['cups', 'mugs'], tazzina: ['cups & saucers'], servizio: ['dinnerware sets'], vassoio: ['serving platters'], teiera: ['teapots'],
  brocca: ['pitchers'], oliera: ['oil cruets'], vaso: ['vases'], maiolica: ['majolica'], terracotta: ['terracotta'], gres: ['stoneware'],
  porcellana: ['porcelain'], piastrelle: ['tiles'], piastrella: ['tiles'], statuina: ['figurines'], candeliere: ['candle holders'],
  bicchiere: ['glasses', 'tumblers'], calice: ['wine glasses'], caraffa: ['decanters'], pentola: ['pots'], padella: ['pans'],
  moka: ['moka pots'], tagliere: ['cutting boards'], coltello: ['knives'], cavatappi: ['corkscrews'], tovaglia: ['table linen'],
  lenzuola: ['bed linen'], asciugamano: ['towels'], tende: ['curtains'], cuscino: ['cushions'], coperta: ['blankets'],
  lampada: ['lamps'], lampadario: ['chandeliers'], specchio: ['mirrors'], cornice: ['picture frames'], orologio: ['clocks', 'watches'],
  mobile: ['furniture'], mobili: ['furniture'], arredo: ['furniture'], divano: ['sofas'], poltrona: ['armchairs'], sedia: ['chairs'],
  tavolo: ['tables'], tavolino: ['coffee tables'], credenza: ['sideboards'], libreria: ['bookcases'], letto: ['beds'], armadio: ['wardrobes'],
  comodino: ['nightstands'], cassettiera: ['dressers'], scrivania: ['desks'], giardino: ['garden'], vetro: ['glass'], murano: ['murano glass'],
  // cosmetics and jewellery
  cosmetici: ['skin care', 'cosmetics'], cosmetica: ['skin care', 'cosmetics'], crema: ['cream'], viso: ['face'], corpo: ['body'],
  mani: ['hand cream'], siero: ['serums'], maschera: ['masks'], detergente: ['cleansers'], tonico: ['toners'], occhi: ['eye'],
  solare: ['sunscreen'], shampoo: ['shampoo'], balsamo: ['conditioner'], capelli: ['hair'], rossetto: ['lipstick'], fondotinta: ['foundation'],
  mascara: ['mascara'], smalto: ['nail polish'], profumo: ['perfume', 'fragrance'], sapone: ['soap'], bagnoschiuma: ['shower gel'],
  barba: ['beard', 'shaving'], asina: ['donkey milk'], gioielli: ['jewelry'], collana: ['necklaces'], bracciale: ['bracelets'],
  orecchini: ['earrings'], anello: ['rings'], spilla: ['brooches'], confezione: ['gift boxes'], regalo: ['gift'], cesto: ['gift baskets'],
  presepe: ['nativity scenes'], quaderno: ['notebooks'], cancelleria: ['stationery'], bottiglie: ['bottles'], etichette: ['labels']
}

/** Lower case, accents off, only letters, digits and CJK kept. */
export function normalize(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9\u3400-\u9fff&'-]+/g, ' ').trim()
}

export function words(text: string): string[] {
  return normalize(text).split(/\s+/).filter((w) => w.length > 1 || /[\u3400-\u9fff]/.test(w))
}

/** Italian singular/plural forms share a key: "borse" → "bors", "vini" → "vin". */
export function stem(word: string): string {
  return word.length > 3 ? word.replace(/[aeio]$/, '') : word
}

const BY_STEM = new Map<string, string[]>()
for (const [word, en] of Object.entries(SEED)) {
  const key = stem(normalize(word))
  BY_STEM.set(key, [...new Set([...(BY_STEM.get(key) ?? []), ...en])])
}

/** The English category words an Italian word stands for (empty when it is not in the vocabulary). */
export function englishFor(word: string): string[] {
  return BY_STEM.get(stem(normalize(word))) ?? []
}
