select
    cast(snapshot_date as date) as snapshot_date,
    warehouse_code,
    product_id,
    on_hand_qty,
    reserved_qty
from {{ source('silver', 'stock_levels') }}
