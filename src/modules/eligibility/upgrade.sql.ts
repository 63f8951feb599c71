/**
 * The matching rules of matching.ts, in SQL, for whole inventories. Questions are asked of device
 * combinations (installations with identical devices answer alike), then joined to installations.
 *
 * `targetsCte` must define `targets(dmc_id, cohort_id)`. Rather than testing every combination against every
 * target, the CTEs enumerate, per target, the firmware signatures that can reach it (each slot: its own
 * firmware, or any source with a usable upgrade path to it) and look those up in `device_combo` by its unique
 * (cohort, firmware_signature) key. Device models need no separate check: a firmware version belongs to one
 * device model. `pairs` then says, per (target, combination): at target firmware, or upgradeable over any
 * usable path, or over paths DCC may use on Dormant installations, with the fewest hops. Enumerating
 * assignments of sources to slots also pairs twin devices every possible way, as the rules require.
 */
export function matchCtes(targetsCte: string): string {
  return `with recursive ${targetsCte},
  tslots as (
    select t.dmc_id, t.cohort_id, s.device_type, f.device_model_id as model_id, s.firmware_version_id as fw,
           row_number() over (partition by t.dmc_id, s.device_type, f.device_model_id order by s.firmware_version_id) as k,
           row_number() over (partition by t.dmc_id order by s.device_type, s.firmware_version_id) as pos
      from targets t join dmc_slot s on s.dmc_id = t.dmc_id join firmware_version f on f.id = s.firmware_version_id),
  tshape as (
    select dmc_id, count(*) as n, count(*) <> count(distinct device_type) as twins from tslots group by dmc_id),
  back(cohort_id, src, dst, hops, path, dormant_ok) as (
      select ts.cohort_id, p.from_firmware_id, p.to_firmware_id, 1, array[p.from_firmware_id, p.to_firmware_id], p.dormant_upgrade_by_dcc
        from (select distinct cohort_id, fw from tslots) ts join firmware_upgrade_path p on p.to_firmware_id = ts.fw
       where p.ota_supported and (p.cohort_id is null or p.cohort_id = ts.cohort_id)
    union all
      select b.cohort_id, p.from_firmware_id, b.dst, b.hops + 1, p.from_firmware_id || b.path, b.dormant_ok and p.dormant_upgrade_by_dcc
        from back b join firmware_upgrade_path p on p.to_firmware_id = b.src
       where p.ota_supported and (p.cohort_id is null or p.cohort_id = b.cohort_id)
         and p.from_firmware_id <> all(b.path) and b.hops < 16),
  best_any as (select distinct on (cohort_id, src, dst) cohort_id, src, dst, hops, path from back order by cohort_id, src, dst, hops),
  best_dormant as (select distinct on (cohort_id, src, dst) cohort_id, src, dst, hops, path from back where dormant_ok order by cohort_id, src, dst, hops),
  -- Every firmware each target slot can be reached from: its own (0 hops) and every upgradeable source.
  opts as (
      select ts.dmc_id, ts.pos, ts.device_type, ts.fw as src, 0 as hops_any, 0 as hops_dormant, true as dormant_ok from tslots ts
    union all
      select ts.dmc_id, ts.pos, ts.device_type, ba.src, ba.hops, coalesce(bd.hops, 0), bd.src is not null
        from tslots ts join best_any ba on ba.cohort_id = ts.cohort_id and ba.dst = ts.fw
        left join best_dormant bd on bd.cohort_id = ts.cohort_id and bd.src = ba.src and bd.dst = ts.fw),
  -- The firmware signatures that can reach each target: one option per slot, in canonical slot order.
  -- hops_me/ok_me and hops_mg/ok_mg: a Mixed installation whose dormant meter is the ESME (the GSME); that
  -- meter's slot only over DCC-performed paths, the other devices over any usable path.
  build(dmc_id, pos, parts, hops_any, hops_dormant, dormant_ok, hops_me, ok_me, hops_mg, ok_mg) as (
      select dmc_id, pos, array[device_type || ':' || src], hops_any, hops_dormant, dormant_ok,
             case when device_type = 'ESME' then hops_dormant else hops_any end, device_type <> 'ESME' or dormant_ok,
             case when device_type = 'GSME' then hops_dormant else hops_any end, device_type <> 'GSME' or dormant_ok
        from opts where pos = 1
    union all
      select b.dmc_id, o.pos, b.parts || (o.device_type || ':' || o.src), b.hops_any + o.hops_any, b.hops_dormant + o.hops_dormant,
             b.dormant_ok and o.dormant_ok,
             b.hops_me + case when o.device_type = 'ESME' then o.hops_dormant else o.hops_any end, b.ok_me and (o.device_type <> 'ESME' or o.dormant_ok),
             b.hops_mg + case when o.device_type = 'GSME' then o.hops_dormant else o.hops_any end, b.ok_mg and (o.device_type <> 'GSME' or o.dormant_ok)
        from build b join opts o on o.dmc_id = b.dmc_id and o.pos = b.pos + 1),
  sigs as (
    select b.dmc_id,
           case when h.twins then (select string_agg(x, '+' order by split_part(x, ':', 1), split_part(x, ':', 2)::int) from unnest(b.parts) x)
                else array_to_string(b.parts, '+') end as sig,
           min(b.hops_any) as hops_any, min(b.hops_dormant) filter (where b.dormant_ok) as hops_dormant, bool_or(b.dormant_ok) as dormant_ok,
           min(b.hops_me) filter (where b.ok_me) as hops_me, bool_or(b.ok_me) as ok_me,
           min(b.hops_mg) filter (where b.ok_mg) as hops_mg, bool_or(b.ok_mg) as ok_mg
      from build b join tshape h on h.dmc_id = b.dmc_id and b.pos = h.n
     group by 1, 2),
  pairs as (
    select s.dmc_id, c.id as combo_id, s.hops_any = 0 as at_target, true as up_any, s.dormant_ok as up_dormant,
           s.hops_any, coalesce(s.hops_dormant, 0) as hops_dormant,
           s.ok_me as up_mixed_esme, coalesce(s.hops_me, 0) as hops_mixed_esme,
           s.ok_mg as up_mixed_gsme, coalesce(s.hops_mg, 0) as hops_mixed_gsme,
           -- Whether a Mixed installation's answer is the same whichever meter is dormant (or none is).
           (s.ok_me and s.ok_mg and s.hops_me = s.hops_any and s.hops_mg = s.hops_any) as mixed_same
      from sigs s join targets t on t.dmc_id = s.dmc_id
      join device_combo c on c.cohort_id = t.cohort_id and c.firmware_signature = s.sig)`;
}

/** Entry states that make a DMC a target for an installation status: on the list, approved, or proposed. */
export const LIVE_ENTRY_STATES = `('PROPOSED', 'APPROVED', 'ON_EPCL')`;

/** Installation rows counted as potential upgrades: unmigrated, and not an excluded category [I]. */
export const UNMIGRATED = `i.migration_state = 'UNMIGRATED'`;

/**
 * The dormant meter of installation `inst` ('ESME' or 'GSME'), or 'NONE' when no meter is recorded dormant.
 * Only asked of Mixed installations, and only where the answer depends on it (see `mixedVariant`).
 */
export const dormantMeterOf = (inst: string) =>
  `coalesce((select d.device_type::text from device d where d.installation_id = ${inst} and d.meter_status = 'DORMANT'
              and d.device_type in ('ESME', 'GSME') order by d.device_type limit 1), 'NONE')`;

/**
 * Which rule applies to an installation of status `status` for pair `p`: null (its status decides) unless it is
 * Mixed and the answer depends on which meter is dormant; then its dormant meter ('ESME', 'GSME', 'NONE').
 */
export const mixedVariant = (status: string, inst: string) =>
  `case when ${status} = 'MIXED' and not p.mixed_same then ${dormantMeterOf(inst)} end`;

/**
 * Whether pair `p` can be reached by firmware upgrades for status `status` (rule variant `variant`, see
 * `mixedVariant`): Dormant installations only over DCC-performed paths; a Mixed installation's dormant meter
 * likewise (its other devices over any usable path); Active over any usable path.
 */
export const reachableFor = (status: string, variant: string) =>
  `case when ${status} = 'DORMANT' then p.up_dormant
        when ${status} = 'MIXED' then case ${variant} when 'ESME' then p.up_mixed_esme when 'GSME' then p.up_mixed_gsme else p.up_any end
        else p.up_any end`;
export const hopsFor = (status: string, variant: string) =>
  `case when ${status} = 'DORMANT' then p.hops_dormant
        when ${status} = 'MIXED' then case ${variant} when 'ESME' then p.hops_mixed_esme when 'GSME' then p.hops_mixed_gsme else p.hops_any end
        else p.hops_any end`;

/** Whether pair `p` is an upgrade for installation `i` (needs the lateral `m.variant` of `candidatesCtes`). */
export const UPGRADEABLE = `(not p.at_target and ${reachableFor('i.status', 'm.variant')})`;
export const HOPS = hopsFor('i.status', 'm.variant');

/**
 * The devices of installation `i` with their firmware hops to target `dmc` (paths as firmware ids), as JSON.
 * Dormant installations' devices, and a Mixed installation's dormant meter, take DCC-performed paths.
 */
export function deviceHopsJson(installation: string, dmc: string, status: string): string {
  return `(select coalesce(json_agg(json_build_object('deviceId', d.eui64, 'deviceType', d.device_type, 'from', d.fw, 'to', ts.fw,
            'path', case when d.fw = ts.fw then null
                         when ${status} = 'DORMANT' or (${status} = 'MIXED' and d.meter_status = 'DORMANT' and d.device_type in ('ESME', 'GSME'))
                           then bd.path else ba.path end) order by d.device_type, d.eui64), '[]'::json)
     from (select x.eui64, x.device_type, x.meter_status, x.firmware_version_id as fw, f.device_model_id as model_id,
                  row_number() over (partition by x.device_type, f.device_model_id order by x.firmware_version_id) as k
             from device x join firmware_version f on f.id = x.firmware_version_id where x.installation_id = ${installation}) d
     join tslots ts on ts.dmc_id = ${dmc} and ts.device_type = d.device_type and ts.model_id = d.model_id and ts.k = d.k
     left join best_any ba on ba.cohort_id = ts.cohort_id and ba.src = d.fw and ba.dst = ts.fw
     left join best_dormant bd on bd.cohort_id = ts.cohort_id and bd.src = d.fw and bd.dst = ts.fw
    where d.fw <> ts.fw)`;
}

/**
 * A report's matches decided per (combination, status, rule variant), as CTEs ending in `best(combo_id, status,
 * variant, dmc_id, at_target, report_group, hops)`: the first that applies of at target, Group 1 before Group
 * 2, fewest hops, lowest DMC id. `variant` is null except for Mixed combinations whose answer depends on
 * which meter is dormant: then one row per dormant meter ('ESME', 'GSME', 'NONE'); count installations
 * with `variantMatches('b', 'i')`.
 */
export function reportBestCtes(reportParam: string): string {
  return `${matchCtes(`entries as (
        select e.dmc_id, e.installation_status, re.report_group from epcl_report_entry re join epcl_entry e on e.id = re.entry_id
         where re.report_id = ${reportParam}),
      targets(dmc_id, cohort_id) as (select d.id, d.cohort_id from dmc d where d.id in (select dmc_id from entries))`)},
     -- Active and Dormant entries decide per combination; Mixed ones once per possible dormant meter.
     decide as (
         select p.combo_id, en.installation_status as status, null::text as variant, p.dmc_id, p.at_target, en.report_group,
                case when en.installation_status = 'DORMANT' then p.hops_dormant else p.hops_any end as hops
           from pairs p join entries en on en.dmc_id = p.dmc_id
          where en.installation_status <> 'MIXED'
            and (p.at_target or case when en.installation_status = 'DORMANT' then p.up_dormant else p.up_any end)
       union all
         select p.combo_id, en.installation_status, v.variant, p.dmc_id, p.at_target, en.report_group,
                ${hopsFor('en.installation_status', 'v.variant')}
           from pairs p join entries en on en.dmc_id = p.dmc_id and en.installation_status = 'MIXED'
          cross join (values ('ESME'), ('GSME'), ('NONE')) v(variant)
          where p.at_target or ${reachableFor('en.installation_status', 'v.variant')}),
     best_variant as (
       select distinct on (combo_id, status, variant) * from decide
        order by combo_id, status, variant, at_target desc, report_group, hops, dmc_id),
     -- Mixed combinations decided alike whichever meter is dormant need no look at their meters.
     mixed_alike as (
       select combo_id from best_variant where status = 'MIXED' group by combo_id
       having count(*) = 3 and count(distinct concat_ws('|', dmc_id, at_target, report_group, hops)) = 1),
     best as materialized (
         select combo_id, status, variant, dmc_id, at_target, report_group, hops from best_variant
          where status <> 'MIXED' or combo_id not in (select combo_id from mixed_alike)
       union all
         select distinct on (combo_id) combo_id, status, null, dmc_id, at_target, report_group, hops from best_variant
          where status = 'MIXED' and combo_id in (select combo_id from mixed_alike) order by combo_id)`;
}

/** Whether installation `inst` is one of those `best` row `b` decides for (its variant, if any). */
export const variantMatches = (b: string, inst: string) =>
  `(${b}.variant is null or ${dormantMeterOf(`${inst}.id`)} = ${b}.variant)`;

/**
 * The unmigrated installations `best` row `b` decides for that satisfy `scope`, counted: index-only through
 * the partial index on (combo_id, status) where the row has no variant (every Active and Dormant row, and
 * most Mixed ones); otherwise each installation's dormant meter is looked up.
 */
export const countDecided = (b: string, scope: string) => `case when ${b}.variant is null
    then (select count(*) from installation i where i.combo_id = ${b}.combo_id and i.status = ${b}.status and ${UNMIGRATED} and ${scope})
    else (select count(*) from installation i where i.combo_id = ${b}.combo_id and i.status = ${b}.status and ${UNMIGRATED} and ${scope}
            and ${dormantMeterOf('i.id')} = ${b}.variant) end`;

/**
 * Installations that could be firmware-upgraded to DMC `targetParam`, as CTEs ending in
 * `cand(id, status, device_count, dmc_id, hops)`; `conditions` are extra conditions on installation `i`.
 * With `requireEntry` (the default), only installations whose status the target has an entry for
 * (proposed, approved or on the list): those the upgrade would make eligible. Without it, every
 * installation firmware can take there (raw reachability).
 */
export function candidatesCtes(targetParam: string, conditions: string[], requireEntry = true): string {
  // One hashed lookup of the target's live entry statuses, not a subquery per installation.
  const entry = requireEntry
    ? [
        `(p.dmc_id, i.status) in (select e.dmc_id, e.installation_status from epcl_entry e
           where e.dmc_id in (select dmc_id from targets) and e.state in ${LIVE_ENTRY_STATES})`,
      ]
    : [];
  return `${matchCtes(`targets(dmc_id, cohort_id) as (select id, cohort_id from dmc where id = ${targetParam})`)},
  cand as (
    select i.id, i.status, c.device_count, p.dmc_id, ${HOPS} as hops
      from pairs p join installation i on i.combo_id = p.combo_id join device_combo c on c.id = p.combo_id
     cross join lateral (select ${mixedVariant('i.status', 'i.id')} as variant) m
     where ${[UNMIGRATED, UPGRADEABLE, ...entry, ...conditions].join(' and ')})`;
}
