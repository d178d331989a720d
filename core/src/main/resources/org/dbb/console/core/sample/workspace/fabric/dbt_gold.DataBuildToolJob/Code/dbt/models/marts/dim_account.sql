select
    account_code,
    max(account_name) as account_name,
    max(account_group) as account_group,
    max(statement) as statement
from {{ source('silver', 'gl_entries') }}
group by account_code
