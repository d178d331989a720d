select
    warehouse_code,
    max(warehouse_name) as warehouse_name,
    max(region) as region
from {{ source('silver', 'stock_levels') }}
group by warehouse_code
