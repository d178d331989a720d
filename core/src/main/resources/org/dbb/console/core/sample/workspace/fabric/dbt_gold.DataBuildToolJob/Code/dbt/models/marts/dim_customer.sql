select
    customer_id,
    customer_name,
    segment,
    country,
    cast(created_at as date) as created_date
from {{ source('silver', 'customers') }}
