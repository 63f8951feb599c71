import { clientFromEnvironment, DmcApiError } from './client';
import { eligibility, myInstallations, reportVolumes, upgradeTotals } from './planner';

/**
 * A planning summary for the key's supplier:
 *   DMC_API_URL=https://dmc.example.org/graphql DMC_API_KEY=… npx ts-node examples/supplier-client/src/main.ts [epclId] [report]
 */
async function main(epclId = '002255', report = 22): Promise<void> {
  const client = clientFromEnvironment();
  const mine = await myInstallations(client, { first: 5 });
  console.log(`${mine.supplier?.name ?? mine.role}: ${mine.installations.totalCount} installations`);
  const first = mine.installations.nodes[0];
  if (first) {
    const answer = await eligibility(client, first.id);
    console.log(
      `installation ${first.id} (${first.status}): ${answer?.eligibility.eligible ? 'eligible' : 'not eligible'}` +
        (answer?.eligibility.blockers.length
          ? ` — ${answer.eligibility.blockers.map((b) => b.code).join(', ')}`
          : ''),
    );
  }
  const upgrades = await upgradeTotals(client, epclId);
  console.log(
    `upgrades to the DMC of EPCL entry ${epclId}: ${upgrades.installations} installations ` +
      `(${upgrades.totals.installs.active} active, ${upgrades.totals.installs.dormant} dormant, ` +
      `${upgrades.totals.installs.mixed} mixed), ${upgrades.totals.devices.total} devices`,
  );
  const volumes = await reportVolumes(client, report);
  for (const table of volumes.volumes.tables)
    console.log(
      `report ${volumes.number} ${table.section}: ${table.totals.recomputed.installs.total} installations`,
    );
  if (client.rateLimit)
    console.log(`budget: ${client.rateLimit.remaining} of ${client.rateLimit.limit} points left`);
}

if (require.main === module)
  main(process.argv[2], process.argv[3] ? Number(process.argv[3]) : undefined).catch((error: unknown) => {
    console.error(error instanceof DmcApiError ? `${error.message} (HTTP ${error.status})` : error);
    process.exit(1);
  });
