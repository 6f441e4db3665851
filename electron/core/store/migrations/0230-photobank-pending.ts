// Photobank uploads whose outcome is not known yet: recorded before the image is sent, removed
// once the reply (or a look-up in the photobank) says where it is. After a lost reply or a crash
// the photobank is searched for it before anything is sent again, so no photo is uploaded twice.
export const sql = `
CREATE TABLE publish_image_uploads (
  target TEXT NOT NULL,
  account TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  file_name TEXT NOT NULL,
  started_at TEXT NOT NULL,
  PRIMARY KEY (target, account, sha256)
) STRICT;
`
