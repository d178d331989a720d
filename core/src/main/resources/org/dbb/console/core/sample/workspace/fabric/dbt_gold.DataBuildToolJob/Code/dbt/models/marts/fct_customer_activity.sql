select
    customer_id,
    order_date as activity_date,
    channel,
    count(distinct order_id) as orders,
    sum(net_amount) as net_amount
from {{ ref('fct_sales') }}
group by customer_id, order_date, channel
