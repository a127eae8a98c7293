DROP FUNCTION IF EXISTS customer_label;
DELIMITER $$
CREATE FUNCTION customer_label(p_name VARCHAR(100), p_email VARCHAR(200)) RETURNS varchar(320) CHARSET utf8mb4
    NO SQL
    DETERMINISTIC
RETURN CONCAT(p_name, ' <', COALESCE(p_email, 'no email'), '>')$$
DELIMITER ;
