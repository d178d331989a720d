-- Digits cross-joined rather than a recursive CTE, which Fabric Warehouse does not run.
with digits as (
    select v from (values (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) as d(v)
),
numbers as (
    select a.v + 10 * b.v + 100 * c.v + 1000 * d.v as n
    from digits a cross join digits b cross join digits c cross join digits d
),
dates as (
    select dateadd(day, n, cast('2020-01-01' as date)) as [date]
    from numbers
    where n < 4018
)
select
    [date],
    year([date]) as [year],
    month([date]) as [month],
    datename(month, [date]) as month_name,
    datepart(iso_week, [date]) as iso_week
from dates
