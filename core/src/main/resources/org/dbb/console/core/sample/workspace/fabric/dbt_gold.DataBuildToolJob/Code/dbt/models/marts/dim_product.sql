select
    product_id,
    max(product_name) as product_name,
    max(product_category) as product_category
from {{ source('silver', 'sales_order_lines') }}
group by product_id
