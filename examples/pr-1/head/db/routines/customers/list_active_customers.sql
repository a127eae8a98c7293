-- Customers shown in the back office list.
-- (reformatted by sqlfluff: nothing changes for the database)
drop procedure if exists list_active_customers;

delimiter //

create procedure list_active_customers(in p_limit int)
    reads sql data
    sql security invoker
begin
    select id, name, email
    from customers
    where status = 'active'
    order by name
    limit p_limit;
end //

delimiter ;
