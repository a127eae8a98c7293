DROP PROCEDURE IF EXISTS close_invoice;
DELIMITER $$
CREATE PROCEDURE close_invoice(IN p_invoice INT, IN p_note VARCHAR(200))
BEGIN
  UPDATE invoices SET status = 'closed', note = p_note, closed_at = NOW() WHERE id = p_invoice;
END$$
DELIMITER ;
