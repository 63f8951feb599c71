import type { DmcClient } from './client';
import {
  EntryDmcDocument,
  InstallationEligibilityDocument,
  MyInstallationsDocument,
  ReportVolumesDocument,
  UpgradeCandidateTotalsDocument,
  type InstallationStatus,
} from './gql/graphql';

/**
 * What a supplier's migration planner asks: its installations, how many firmware upgrades would bring to a
 * target DMC, whether one installation is eligible today, and a report's volumes over its installations.
 * Every answer is about the key's own supplier only: the API scopes them.
 */

/** A page of the key's installations (and who the key belongs to). */
export async function myInstallations(
  client: DmcClient,
  options: { first?: number; after?: string; statuses?: InstallationStatus[] } = {},
) {
  const { viewer } = await client.request(MyInstallationsDocument, {
    first: options.first ?? 20,
    after: options.after,
    statuses: options.statuses,
  });
  return viewer;
}

/** The upgrade candidates toward the DMC of an EPCL entry: how many installations and devices, by status. */
export async function upgradeTotals(client: DmcClient, epclId: string) {
  const { epclEntry } = await client.request(EntryDmcDocument, { epclId });
  const { upgradeCandidates } = await client.request(UpgradeCandidateTotalsDocument, {
    target: epclEntry.dmc.id,
  });
  return { entry: epclEntry, installations: upgradeCandidates.totalCount, totals: upgradeCandidates.totals };
}

/** Whether an installation may migrate today; if not, its blockers and the upgrades that would make it so. */
export async function eligibility(client: DmcClient, installationId: string) {
  const { installation } = await client.request(InstallationEligibilityDocument, { id: installationId });
  return installation;
}

/** An EPCL report's installation volumes, recomputed over the key's installations. */
export async function reportVolumes(client: DmcClient, reportNumber: number) {
  const { epclReport } = await client.request(ReportVolumesDocument, { number: reportNumber });
  return epclReport;
}
