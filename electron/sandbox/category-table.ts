// The sandbox's pavilion category tree as a compact table, one node a line:
//   <two spaces per level>English name / 中文名 [#id] [@profile] [moq N]
// A node with lines indented below it is a branch; one without is a leaf and takes the @profile of
// the nearest node above it that names one (its attributes, units and minimum order). Ids marked #
// are pinned (tests, fixtures and SKU rules keyed by leaf id depend on them); the others are derived
// from the English path, so adding a line never changes another node's id.
export const CATEGORY_TABLE = `
Food & Beverage / 食品饮料 #2
  Alcoholic Beverage / 酒精饮料 #200 @spirits
    Wine / 葡萄酒 #100008830 @wine
    Sparkling Wine / 起泡葡萄酒 @wine
    Dessert & Fortified Wine / 甜酒和加强酒 @wine
    Organic Wine / 有机葡萄酒 @wine
    Spirits / 烈酒
      Grappa / 格拉帕酒
      Brandy / 白兰地
      Whisky / 威士忌
      Gin / 金酒
      Vodka / 伏特加
      Rum / 朗姆酒
      Tequila / 龙舌兰酒
    Liqueur / 利口酒
      Limoncello / 柠檬酒
      Amaro / 阿玛罗苦酒
      Herbal Liqueur / 草本利口酒
      Nut Liqueur / 坚果利口酒
      Cream Liqueur / 奶油利口酒
    Vermouth & Aperitif / 味美思和开胃酒
    Beer / 啤酒
      Craft Beer / 精酿啤酒
      Lager / 拉格啤酒
      Ale / 艾尔啤酒
    Cider / 苹果酒
  Edible Oil / 食用油 #201 @oil
    Olive Oil / 橄榄油 #100008831
    Flavored Olive Oil / 风味橄榄油
    Olive Pomace Oil / 橄榄果渣油
    Sunflower Oil / 葵花籽油
    Seed Oil / 种子油
    Nut Oil / 坚果油
    Truffle Oil / 松露油
  Grain Products / 谷物制品 #202 @pasta
    Pasta / 意大利面 #100008832
    Egg Pasta / 鸡蛋面
    Fresh Pasta / 新鲜意面
    Gluten-Free Pasta / 无麸质意面
    Gnocchi / 意式土豆团子
    Rice / 大米
      Risotto Rice / 意式烩饭米
      Long Grain Rice / 长粒米
    Flour / 面粉
      Wheat Flour / 小麦粉
      Durum Wheat Semolina / 硬粒小麦粗粒粉
    Couscous / 古斯米
    Polenta / 玉米粥粉
  Dairy Products / 乳制品 @cheese
    Cheese / 奶酪
      Hard Cheese / 硬质奶酪
      Semi-Hard Cheese / 半硬质奶酪
      Soft Cheese / 软质奶酪
      Blue Cheese / 蓝纹奶酪
      Fresh Cheese / 新鲜奶酪
      Grated Cheese / 奶酪碎
    Butter / 黄油
    Yogurt / 酸奶
  Coffee / 咖啡 @coffee
    Roasted Coffee Beans / 烘焙咖啡豆
    Ground Coffee / 咖啡粉
    Coffee Capsules / 咖啡胶囊
    Coffee Pods / 咖啡粉包
    Instant Coffee / 速溶咖啡
    Green Coffee Beans / 生咖啡豆
  Tea & Infusions / 茶和花草茶 @food
    Herbal Tea / 花草茶
    Black Tea / 红茶
    Green Tea / 绿茶
  Condiments & Sauces / 调味品和酱料 @food
    Vinegar / 醋
      Balsamic Vinegar / 香脂醋
      Wine Vinegar / 葡萄酒醋
      Apple Cider Vinegar / 苹果醋
    Tomato Sauce / 番茄酱
    Pesto / 青酱
    Pasta Sauce / 意面酱
    Salt / 盐
    Spices & Herbs / 香料和香草
    Mustard / 芥末酱
    Honey / 蜂蜜
  Preserved Food / 罐头和腌制食品 @food
    Canned Tomatoes / 番茄罐头
    Preserved Vegetables / 腌制蔬菜
    Olives / 橄榄
    Truffles / 松露
    Jam & Marmalade / 果酱
    Canned Fish / 鱼罐头
  Meat Products / 肉制品 @food
    Cured Ham / 腌制火腿
    Salami / 萨拉米香肠
    Sausages / 香肠
  Confectionery / 糖果 @food
    Chocolate / 巧克力
    Candy / 糖果
    Nougat / 牛轧糖
    Biscuits & Cookies / 饼干
    Panettone & Festive Cakes / 潘娜托尼和节日蛋糕
    Pastries / 糕点
  Non-Alcoholic Beverage / 非酒精饮料 @food
    Mineral Water / 矿泉水
    Fruit Juice / 果汁
    Soft Drinks / 软饮料
    Syrups / 糖浆
  Nuts & Dried Fruit / 坚果和果干 @food
    Hazelnuts / 榛子
    Almonds / 杏仁
    Pistachios / 开心果
    Dried Fruit / 果干
Apparel & Accessories / 服装配饰 #3 @apparel
  Women's Clothing / 女装
    Dresses / 连衣裙
    Blouses & Shirts / 女式衬衫
    Skirts / 半身裙
    Women's Trousers / 女式长裤
    Women's Coats / 女式外套
    Women's Knitwear / 女式针织衫
    Women's Suits / 女式套装
  Men's Clothing / 男装
    Men's Shirts / 男式衬衫
    Men's Suits & Blazers / 男式西装
    Men's Trousers / 男式长裤
    Men's Coats & Jackets / 男式外套
    Men's Knitwear / 男式针织衫
    Polo Shirts / 马球衫
    T-Shirts / T恤
  Children's Clothing / 童装
    Baby Clothing / 婴儿服装
    Girls' Clothing / 女童服装
    Boys' Clothing / 男童服装
  Underwear & Sleepwear / 内衣和睡衣
    Lingerie / 女士内衣
    Pajamas / 睡衣
    Socks / 袜子
  Leather Garments / 皮革服装
    Leather Jackets / 皮夹克
    Leather Trousers / 皮裤
    Leather Skirts / 皮裙
  Apparel Accessories / 服饰配件 @belts
    Belts / 腰带 #300501
    Leather Belts / 皮带
    Belt Buckles / 皮带扣
    Scarves / 围巾 @apparel
    Ties / 领带 @apparel
    Bow Ties / 领结 @apparel
    Gloves / 手套 @leathersmall
    Hats & Caps / 帽子 @apparel
    Cufflinks / 袖扣 @apparel
    Suspenders / 背带 @belts
Shoes & Accessories / 鞋类及配件 #322 @shoes
  Women's Shoes / 女鞋
    Women's Pumps / 女士高跟鞋
    Women's Flats / 女士平底鞋
    Women's Sandals / 女士凉鞋
    Women's Boots / 女靴
    Women's Loafers / 女士乐福鞋
    Women's Sneakers / 女士运动鞋
  Men's Shoes / 男鞋
    Men's Dress Shoes / 男士正装鞋
    Men's Loafers / 男士乐福鞋
    Men's Boots / 男靴
    Men's Sneakers / 男士运动鞋
    Men's Sandals / 男士凉鞋
  Children's Shoes / 童鞋
  Slippers / 拖鞋
  Shoe Accessories / 鞋类配件
    Shoe Laces / 鞋带
    Shoe Polish & Care / 鞋油和护理用品
    Insoles / 鞋垫
Luggage, Bags & Cases / 箱包 #1524 @bags
  Handbags / 手提包 #152401
  Shoulder Bags / 单肩包
  Tote Bags / 托特包
  Clutches / 手拿包
  Crossbody Bags / 斜挎包
  Backpacks / 双肩包
  Briefcases / 公文包
  Travel Bags / 旅行包
  Luggage / 行李箱
  Bag Parts & Accessories / 包配件
  Leather Small Goods / 皮革小件 @leathersmall
    Wallets / 钱包
    Card Holders / 卡包
    Key Holders / 钥匙包
    Coin Purses / 零钱包
    Passport Covers / 护照套
    Watch Straps / 表带
    Desk Accessories / 皮革桌面用品
    Cosmetic Bags / 化妆包 @bags
Home & Garden / 家居园艺 #15
  Kitchen, Dining & Bar / 厨房餐饮 #1503 @ceramics
    Dishes & Plates / 餐盘 #150301
    Bowls / 碗
    Cups & Saucers / 杯碟
    Mugs / 马克杯
    Dinnerware Sets / 餐具套装
    Serving Platters / 大餐盘
    Teapots & Coffee Pots / 茶壶和咖啡壶
    Pitchers / 水壶
    Oil Cruets / 油醋瓶
    Drinkware / 饮具
      Wine Glasses / 葡萄酒杯
      Decanters / 醒酒器
      Tumblers / 平底杯
    Cookware / 炊具 @homeware
      Pots & Pans / 锅具
      Moka Pots / 摩卡壶
      Pasta Makers / 意面机
    Kitchen Utensils / 厨房用具 @homeware
      Cutting Boards / 砧板
      Kitchen Knives / 厨房刀具
      Cheese Knives / 奶酪刀
    Bar Accessories / 酒吧用品 @homeware
      Corkscrews / 开瓶器
      Wine Stoppers / 酒瓶塞
      Ice Buckets / 冰桶
  Home Decor / 家居装饰 #1504 @decor
    Vases / 花瓶 #150401
    Decorative Plates / 装饰盘
    Figurines / 摆件
    Candle Holders / 烛台
    Tiles / 瓷砖
      Majolica Tiles / 马约利卡瓷砖
      Terracotta Tiles / 赤陶砖
    Mirrors / 镜子 @homeware
    Picture Frames / 相框 @homeware
    Clocks / 钟表 @homeware
    Artificial Flowers / 仿真花 @homeware
  Home Textiles / 家纺 @textile
    Bed Linen / 床上用品
    Table Linen / 桌布
    Towels / 毛巾
    Curtains / 窗帘
    Cushions / 靠垫
    Blankets & Throws / 毯子
  Garden Supplies / 园艺用品 @homeware
    Flower Pots & Planters / 花盆
      Terracotta Pots / 赤陶花盆 @ceramics
      Ceramic Planters / 陶瓷花盆 @ceramics
    Garden Furniture / 庭院家具 @furniture
    Garden Tools / 园艺工具
  Lighting / 照明 @homeware
    Table Lamps / 台灯
    Floor Lamps / 落地灯
    Pendant Lights / 吊灯
    Chandeliers / 枝形吊灯
Furniture / 家具 #1813 @furniture
  Living Room Furniture / 客厅家具
    Sofas / 沙发
    Armchairs / 扶手椅
    Coffee Tables / 咖啡桌
    TV Stands / 电视柜
    Bookcases / 书柜
  Dining Room Furniture / 餐厅家具
    Dining Tables / 餐桌
    Dining Chairs / 餐椅
    Sideboards / 餐边柜
  Bedroom Furniture / 卧室家具
    Beds / 床
    Wardrobes / 衣柜
    Nightstands / 床头柜
    Dressers / 梳妆台
  Office Furniture / 办公家具
    Office Desks / 办公桌
    Office Chairs / 办公椅
    Filing Cabinets / 文件柜
  Outdoor Furniture / 户外家具
    Outdoor Tables / 户外桌
    Outdoor Chairs / 户外椅
    Sun Loungers / 躺椅
  Hotel & Restaurant Furniture / 酒店餐厅家具
  Furniture Parts / 家具配件
    Furniture Legs / 家具腿
    Furniture Handles / 家具拉手
Beauty & Personal Care / 美容个护 #66 @cosmetics
  Skin Care / 护肤品 #6601
    Face Cream & Lotion / 面霜乳液 #660101
    Serums / 精华液
    Face Masks / 面膜
    Cleansers / 洁面产品
    Toners / 爽肤水
    Eye Cream / 眼霜
    Sunscreen / 防晒霜
    Body Lotion / 身体乳
  Hair Care / 护发产品 @beauty
    Shampoo / 洗发水
    Conditioner / 护发素
    Hair Oil / 护发油
    Hair Masks / 发膜
  Makeup / 彩妆 @beauty
    Lipstick / 口红
    Foundation / 粉底
    Mascara / 睫毛膏
    Eye Shadow / 眼影
    Nail Polish / 指甲油
  Fragrance / 香水 @beauty
    Perfume / 香水
    Eau de Toilette / 淡香水
    Room Fragrance / 室内香氛
  Bath & Body / 沐浴和身体护理 @beauty
    Soap / 香皂
    Shower Gel / 沐浴露
    Bath Salts / 浴盐
    Hand Cream / 护手霜
  Men's Grooming / 男士护理 @beauty
    Shaving Cream / 剃须膏
    Aftershave / 须后水
    Beard Oil / 胡须油
  Natural & Organic Cosmetics / 天然有机化妆品 @beauty
    Olive Oil Cosmetics / 橄榄油化妆品
    Donkey Milk Cosmetics / 驴奶化妆品
Jewelry & Watches / 珠宝手表 #36 @jewelry
  Necklaces / 项链
  Bracelets / 手链
  Earrings / 耳环
  Rings / 戒指
  Brooches / 胸针
  Watches / 手表
Gifts & Crafts / 礼品和工艺品 #1501 @homeware
  Gift Boxes / 礼盒
  Gourmet Gift Baskets / 美食礼篮 @food
  Glass Crafts / 玻璃工艺品
    Murano Glass / 穆拉诺玻璃
    Glass Beads / 玻璃珠
  Wood Crafts / 木制工艺品
  Paper Crafts / 纸制工艺品
    Notebooks & Journals / 笔记本
    Stationery / 文具
  Christmas Decorations / 圣诞装饰
  Nativity Scenes / 耶稣诞生场景
Packaging & Printing / 包装印刷 #1502 @homeware
  Wine Boxes / 葡萄酒盒
  Bottles / 瓶子
  Gift Bags / 礼品袋
  Labels / 标签
Sports & Entertainment / 运动娱乐 #18 @homeware
  Cycling / 骑行
    Bicycles / 自行车
    Cycling Clothing / 骑行服 @apparel
  Musical Instruments / 乐器
    Accordions / 手风琴
    Guitars / 吉他
  Equestrian / 马术用品
    Saddles / 马鞍 @leathersmall
    Riding Boots / 马靴 @shoes
Agriculture / 农业 #100 @food
  Fresh Fruit / 新鲜水果
    Citrus Fruit / 柑橘类水果
    Apples / 苹果
    Grapes / 葡萄
  Fresh Vegetables / 新鲜蔬菜
  Plant Seeds / 植物种子
  Olive Trees / 橄榄树
`
