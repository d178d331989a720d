select
    employee_id,
    department,
    job_family,
    cast(hire_date as date) as hire_date,
    cast(termination_date as date) as termination_date,
    cast(fte as decimal(4, 2)) as fte
from {{ source('silver', 'employees') }}
