select
    entry_id,
    cast(posting_date as date) as posting_date,
    account_code,
    cost_center,
    cast(amount as decimal(18, 2)) as amount,
    currency
from {{ source('silver', 'gl_entries') }}
