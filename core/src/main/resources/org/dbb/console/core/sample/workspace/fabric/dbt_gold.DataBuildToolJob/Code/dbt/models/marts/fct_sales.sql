select
    order_id,
    order_line,
    cast(order_date as date) as order_date,
    customer_id,
    product_id,
    channel,
    quantity,
    cast(net_amount as decimal(18, 2)) as net_amount,
    currency
from {{ source('silver', 'sales_order_lines') }}
