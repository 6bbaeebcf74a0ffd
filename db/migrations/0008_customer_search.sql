CREATE INDEX `sms_message_phone_created_idx` ON `sms_message` (`phone_e164`,`created_at`);--> statement-breakpoint
-- The end of a number, as a seek: an index on the E.164 text written backwards (the same expression
-- as reversedSql() in db/schema/reversed-digits.ts; SQLite has no reverse()).
CREATE INDEX `phone_e164_reversed_idx` ON `phone` ((substr(`e164`, -1, 1) || substr(`e164`, -2, 1) || substr(`e164`, -3, 1) || substr(`e164`, -4, 1) || substr(`e164`, -5, 1) || substr(`e164`, -6, 1) || substr(`e164`, -7, 1) || substr(`e164`, -8, 1) || substr(`e164`, -9, 1) || substr(`e164`, -10, 1) || substr(`e164`, -11, 1) || substr(`e164`, -12, 1) || substr(`e164`, -13, 1) || substr(`e164`, -14, 1) || substr(`e164`, -15, 1) || substr(`e164`, -16, 1)), `customer_id`);--> statement-breakpoint
CREATE INDEX `sms_message_phone_reversed_idx` ON `sms_message` ((substr(`phone_e164`, -1, 1) || substr(`phone_e164`, -2, 1) || substr(`phone_e164`, -3, 1) || substr(`phone_e164`, -4, 1) || substr(`phone_e164`, -5, 1) || substr(`phone_e164`, -6, 1) || substr(`phone_e164`, -7, 1) || substr(`phone_e164`, -8, 1) || substr(`phone_e164`, -9, 1) || substr(`phone_e164`, -10, 1) || substr(`phone_e164`, -11, 1) || substr(`phone_e164`, -12, 1) || substr(`phone_e164`, -13, 1) || substr(`phone_e164`, -14, 1) || substr(`phone_e164`, -15, 1) || substr(`phone_e164`, -16, 1)), `created_at`);--> statement-breakpoint
-- Customer names by word prefix, accents and case ignored ("joao" finds "João"). External content:
-- the text stays in customer, the triggers keep the index in step, 'rebuild' indexes existing rows.
CREATE VIRTUAL TABLE `customer_fts` USING fts5(`name`, content='customer', content_rowid='id', tokenize = "unicode61 remove_diacritics 2");--> statement-breakpoint
CREATE TRIGGER `customer_fts_ai` AFTER INSERT ON `customer` BEGIN
  INSERT INTO `customer_fts`(rowid, `name`) VALUES (new.`id`, new.`name`);
END;--> statement-breakpoint
CREATE TRIGGER `customer_fts_ad` AFTER DELETE ON `customer` BEGIN
  INSERT INTO `customer_fts`(`customer_fts`, rowid, `name`) VALUES ('delete', old.`id`, old.`name`);
END;--> statement-breakpoint
CREATE TRIGGER `customer_fts_au` AFTER UPDATE OF `id`, `name` ON `customer` BEGIN
  INSERT INTO `customer_fts`(`customer_fts`, rowid, `name`) VALUES ('delete', old.`id`, old.`name`);
  INSERT INTO `customer_fts`(rowid, `name`) VALUES (new.`id`, new.`name`);
END;--> statement-breakpoint
INSERT INTO `customer_fts`(`customer_fts`) VALUES ('rebuild');
