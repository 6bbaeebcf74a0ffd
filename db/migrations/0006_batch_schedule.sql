ALTER TABLE `sms_batch` ADD `scheduled_at` integer;
--> statement-breakpoint
-- A batch is done only when every message is final: those marked done while messages still waited
-- for their send window, a retry or an operator go back to running (the queue drain finishes them).
UPDATE `sms_batch` SET `status` = 'running', `finished_at` = NULL
WHERE `status` = 'done' AND EXISTS (
  SELECT 1 FROM `sms_message` m WHERE m.`batch_id` = `sms_batch`.`id` AND m.`status` IN ('queued', 'scheduled', 'sending', 'in_doubt')
);
