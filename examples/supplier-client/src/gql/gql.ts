/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query MyInstallations($first: Int, $after: String, $statuses: [InstallationStatus!]) {\n  viewer {\n    role\n    supplier {\n      id\n      name\n    }\n    installations(first: $first, after: $after, filter: {statuses: $statuses}) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        status\n        migrationState\n        cohort {\n          code\n        }\n        currentDmc {\n          fingerprint\n        }\n      }\n    }\n  }\n}\n\nquery EntryDmc($epclId: String!) {\n  epclEntry(epclId: $epclId) {\n    epclId\n    state\n    installationStatus\n    dmc {\n      id\n      fingerprint\n    }\n  }\n}\n\nquery UpgradeCandidateTotals($target: ID!) {\n  upgradeCandidates(targetDmc: $target, first: 1) {\n    totalCount\n    totals {\n      installs {\n        active\n        dormant\n        mixed\n        total\n      }\n      devices {\n        active\n        dormant\n        mixed\n        total\n      }\n    }\n  }\n}\n\nquery InstallationEligibility($id: ID!) {\n  installation(id: $id) {\n    id\n    status\n    eligibility {\n      eligible\n      entry {\n        epclId\n        state\n      }\n      blockers {\n        code\n        message\n      }\n      upgradeOptions {\n        hops\n        dmc {\n          fingerprint\n        }\n        entry {\n          epclId\n          state\n        }\n      }\n    }\n  }\n}\n\nquery ReportVolumes($number: Int!) {\n  epclReport(number: $number) {\n    number\n    title\n    volumes {\n      rule\n      tables {\n        section\n        totals {\n          recomputed {\n            installs {\n              total\n            }\n            devices {\n              total\n            }\n          }\n        }\n      }\n    }\n  }\n}": typeof types.MyInstallationsDocument,
};
const documents: Documents = {
    "query MyInstallations($first: Int, $after: String, $statuses: [InstallationStatus!]) {\n  viewer {\n    role\n    supplier {\n      id\n      name\n    }\n    installations(first: $first, after: $after, filter: {statuses: $statuses}) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        status\n        migrationState\n        cohort {\n          code\n        }\n        currentDmc {\n          fingerprint\n        }\n      }\n    }\n  }\n}\n\nquery EntryDmc($epclId: String!) {\n  epclEntry(epclId: $epclId) {\n    epclId\n    state\n    installationStatus\n    dmc {\n      id\n      fingerprint\n    }\n  }\n}\n\nquery UpgradeCandidateTotals($target: ID!) {\n  upgradeCandidates(targetDmc: $target, first: 1) {\n    totalCount\n    totals {\n      installs {\n        active\n        dormant\n        mixed\n        total\n      }\n      devices {\n        active\n        dormant\n        mixed\n        total\n      }\n    }\n  }\n}\n\nquery InstallationEligibility($id: ID!) {\n  installation(id: $id) {\n    id\n    status\n    eligibility {\n      eligible\n      entry {\n        epclId\n        state\n      }\n      blockers {\n        code\n        message\n      }\n      upgradeOptions {\n        hops\n        dmc {\n          fingerprint\n        }\n        entry {\n          epclId\n          state\n        }\n      }\n    }\n  }\n}\n\nquery ReportVolumes($number: Int!) {\n  epclReport(number: $number) {\n    number\n    title\n    volumes {\n      rule\n      tables {\n        section\n        totals {\n          recomputed {\n            installs {\n              total\n            }\n            devices {\n              total\n            }\n          }\n        }\n      }\n    }\n  }\n}": types.MyInstallationsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyInstallations($first: Int, $after: String, $statuses: [InstallationStatus!]) {\n  viewer {\n    role\n    supplier {\n      id\n      name\n    }\n    installations(first: $first, after: $after, filter: {statuses: $statuses}) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        status\n        migrationState\n        cohort {\n          code\n        }\n        currentDmc {\n          fingerprint\n        }\n      }\n    }\n  }\n}\n\nquery EntryDmc($epclId: String!) {\n  epclEntry(epclId: $epclId) {\n    epclId\n    state\n    installationStatus\n    dmc {\n      id\n      fingerprint\n    }\n  }\n}\n\nquery UpgradeCandidateTotals($target: ID!) {\n  upgradeCandidates(targetDmc: $target, first: 1) {\n    totalCount\n    totals {\n      installs {\n        active\n        dormant\n        mixed\n        total\n      }\n      devices {\n        active\n        dormant\n        mixed\n        total\n      }\n    }\n  }\n}\n\nquery InstallationEligibility($id: ID!) {\n  installation(id: $id) {\n    id\n    status\n    eligibility {\n      eligible\n      entry {\n        epclId\n        state\n      }\n      blockers {\n        code\n        message\n      }\n      upgradeOptions {\n        hops\n        dmc {\n          fingerprint\n        }\n        entry {\n          epclId\n          state\n        }\n      }\n    }\n  }\n}\n\nquery ReportVolumes($number: Int!) {\n  epclReport(number: $number) {\n    number\n    title\n    volumes {\n      rule\n      tables {\n        section\n        totals {\n          recomputed {\n            installs {\n              total\n            }\n            devices {\n              total\n            }\n          }\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query MyInstallations($first: Int, $after: String, $statuses: [InstallationStatus!]) {\n  viewer {\n    role\n    supplier {\n      id\n      name\n    }\n    installations(first: $first, after: $after, filter: {statuses: $statuses}) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        status\n        migrationState\n        cohort {\n          code\n        }\n        currentDmc {\n          fingerprint\n        }\n      }\n    }\n  }\n}\n\nquery EntryDmc($epclId: String!) {\n  epclEntry(epclId: $epclId) {\n    epclId\n    state\n    installationStatus\n    dmc {\n      id\n      fingerprint\n    }\n  }\n}\n\nquery UpgradeCandidateTotals($target: ID!) {\n  upgradeCandidates(targetDmc: $target, first: 1) {\n    totalCount\n    totals {\n      installs {\n        active\n        dormant\n        mixed\n        total\n      }\n      devices {\n        active\n        dormant\n        mixed\n        total\n      }\n    }\n  }\n}\n\nquery InstallationEligibility($id: ID!) {\n  installation(id: $id) {\n    id\n    status\n    eligibility {\n      eligible\n      entry {\n        epclId\n        state\n      }\n      blockers {\n        code\n        message\n      }\n      upgradeOptions {\n        hops\n        dmc {\n          fingerprint\n        }\n        entry {\n          epclId\n          state\n        }\n      }\n    }\n  }\n}\n\nquery ReportVolumes($number: Int!) {\n  epclReport(number: $number) {\n    number\n    title\n    volumes {\n      rule\n      tables {\n        section\n        totals {\n          recomputed {\n            installs {\n              total\n            }\n            devices {\n              total\n            }\n          }\n        }\n      }\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;