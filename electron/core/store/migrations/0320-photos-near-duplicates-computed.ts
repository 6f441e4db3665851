// Photos, third step: near-duplicates are computed from the perceptual hashes when needed
// instead of stored as links. A catalogue of look-alike shots (fifty bottles on the same white
// sweep) stored a link for every pair: 600 such photos made 360,000 rows and ~7 ms of work a photo.
export const sql = `
DROP TABLE IF EXISTS photo_similar;
`
