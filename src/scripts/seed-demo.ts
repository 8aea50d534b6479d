import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import type { Actor } from '../common/auth/actor';
import { Clock } from '../common/clock/clock';
import { loadConfig } from '../config/app-config';
import { migrateDatabase } from '../database/run-migrations';
import { shiftLegalDate, type LegalDate } from '../domain/calendar/legal-date.value';
import type { CaseCommand, Outcome } from '../domain/reconsideration/reconsideration-case.types';
import { AgenciesService } from '../modules/identity/agencies.service';
import { CourtAppearancesService } from '../modules/litigation/court-appearances.service';
import { CourtSessionSchedulingService } from '../modules/litigation/court-session-scheduling.service';
import { LitigationCasesService } from '../modules/litigation/litigation-cases.service';
import { CaseIntakeService } from '../modules/reconsideration/case-intake.service';
import { CaseWorkflowService } from '../modules/reconsideration/case-workflow.service';
import { runCli } from './with-database';

/*
 * `npm run seed:demo`: fills an empty database with a plausible county-level office — 乐平市人民政府
 * with a dozen agencies, a year of reconsideration cases in every state, 14 lawsuits with
 * sessions and appearances — through the same services the API uses (every change an event).
 * Dates run back from today; a fixed seed makes the data the same on every run of the same day.
 */

const AGENCIES = [
  ['乐平市公安局', 'LPGA', 'public_security'],
  ['乐平市自然资源局', 'LPZR', 'natural_resources'],
  ['乐平市市场监督管理局', 'LPSJ', 'market_regulation'],
  ['乐平市人力资源和社会保障局', 'LPRS', 'human_resources_social_security'],
  ['乐平市住房和城乡建设局', 'LPZJ', 'housing_construction'],
  ['乐平市交通运输局', 'LPJT', 'transport'],
  ['景德镇市乐平生态环境局', 'LPST', 'ecology_environment'],
  ['乐平市农业农村局', 'LPNY', 'agriculture_rural'],
  ['乐平市城市管理局', 'LPCG', 'other'],
  ['乐平市卫生健康委员会', 'LPWJ', 'other'],
  ['乐平市应急管理局', 'LPYJ', 'other'],
  ['乐平市教育体育局', 'LPJY', 'other'],
] as const;

/** How many days ago a case in each state was received (its commands fit before today). */
const AGE_DAYS: Record<string, [number, number]> = {
  received: [0, 2],
  correction_requested: [1, 4],
  under_review: [3, 40],
  suspended: [30, 200],
  concluded: [60, 300],
  served: [80, 360],
  archived: [80, 360],
  rejected: [10, 300],
  abandoned: [60, 300],
};

const ACT_KINDS = [
  'administrative_penalty',
  'information_disclosure',
  'complaint_handling',
  'licensing',
  'work_injury_determination',
  'enforcement',
];
const SURNAMES = '张王李赵刘陈杨黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛'];

/** A small deterministic generator (mulberry32). */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

runCli(async (databaseUrl, ownerUrl) => {
  const config = loadConfig();
  await migrateDatabase({ url: databaseUrl, ownerUrl });
  const app = await NestFactory.createApplicationContext(
    AppModule.register({ ...config, databaseUrl, sweepEnabled: false, logLevel: 'warn' }),
    { logger: false },
  );
  try {
    const dataSource = app.get(DataSource);
    const [{ n }] = await dataSource.query<Array<{ n: string }>>(
      'SELECT (SELECT count(*) FROM reconsideration_case) + (SELECT count(*) FROM litigation_case) AS n',
    );
    if (Number(n) > 0) throw new Error('seed:demo fills an empty database; this one has cases');
    const today = app.get(Clock).today();
    const ago = (days: number) => shiftLegalDate(today, -days);
    const next = random(20240601);
    const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
    const name = () => `${pick([...SURNAMES])}${pick(GIVEN)}${next() < 0.5 ? pick(GIVEN) : ''}`;

    const admin: Actor = {
      kind: 'system',
      id: null,
      name: 'seed:demo',
      agencyId: null,
      roles: ['admin'],
    };
    const agencies = app.get(AgenciesService);
    const body = await agencies.create(admin, {
      name: '乐平市人民政府',
      code: `LPS${today.replaceAll('-', '')}`,
      kind: 'reconsideration_body',
      receiptNumberTemplate: '乐府复收〔{year}〕{seq}号',
      caseNumberTemplate: '乐府复〔{year}〕{seq}号',
    } as never);
    const office: Actor = {
      kind: 'system',
      id: null,
      name: 'seed:demo',
      agencyId: body.id,
      roles: ['head', 'clerk'],
    };
    const departments: Array<{ id: string; name: string; field: string }> = [];
    for (const [agencyName, code, field] of AGENCIES) {
      const agency = await agencies.create({ ...admin, agencyId: body.id }, {
        name: agencyName,
        code: `${code}${today.slice(2, 4)}`,
        kind: 'administrative_agency',
        parentId: body.id,
      } as never);
      departments.push({ id: agency.id, name: agencyName, field });
    }

    // A year of reconsideration cases, each driven to its state through the workflow.
    const intake = app.get(CaseIntakeService);
    const workflow = app.get(CaseWorkflowService);
    const run = (id: string, command: CaseCommand) => workflow.execute(office, id, command);
    const plan: Array<[string, number]> = [
      ['received', 3],
      ['correction_requested', 4],
      ['under_review', 14],
      ['suspended', 3],
      ['concluded', 8],
      ['served', 12],
      ['archived', 50],
      ['rejected', 6],
      ['abandoned', 3],
    ];
    const outcomes: Outcome[] = [
      'uphold',
      'uphold',
      'dismiss_request',
      'revoke',
      'change',
      'confirm_illegal',
      'terminated',
    ];
    const concluded: Array<{
      id: string;
      respondent: string;
      outcome: Outcome;
      servedOn: LegalDate;
    }> = [];
    let made = 0;
    for (const [state, count] of plan) {
      for (let i = 0; i < count; i++) {
        const department = pick(departments);
        const [low, high] = AGE_DAYS[state];
        const receivedOn = ago(low + Math.floor(next() * (high - low)));
        const created = await intake.create(office, {
          applicants: [{ kind: 'person', name: name() }],
          respondent: { agencyId: department.id, name: department.name },
          contestedAct: {
            title: '行政处罚决定书',
            documentNumber: `${department.name.slice(3, 5)}罚决字〔${receivedOn.slice(0, 4)}〕${10 + made}号`,
            field: department.field,
            actKind: pick(ACT_KINDS),
          },
          knownOn: shiftLegalDate(receivedOn, -Math.floor(5 + next() * 40)),
          receivedOn,
          channel: pick(['in_person', 'mail', 'online']),
          requests: '撤销被申请人作出的行政行为',
        } as never);
        made++;
        const id = created.id;
        if (state === 'received') continue;
        if (state === 'correction_requested' || state === 'abandoned') {
          await run(id, {
            type: 'request_correction',
            noticeOn: shiftLegalDate(receivedOn, 1),
            items: ['申请人身份证明复印件'],
          });
          if (state === 'abandoned') {
            await run(id, {
              type: 'record_correction_notice_served',
              servedOn: shiftLegalDate(receivedOn, 3),
            });
            await workflow.execute({ ...office, roles: [] }, id, { type: 'deem_abandon' });
          }
          continue;
        }
        if (state === 'rejected') {
          await run(id, {
            type: 'reject',
            rejectedOn: shiftLegalDate(receivedOn, 2),
            reason: '不属于行政复议范围',
          });
          continue;
        }
        const acceptedOn = shiftLegalDate(receivedOn, 1);
        await run(id, { type: 'accept', acceptedOn });
        if (state === 'under_review') continue;
        await run(id, {
          type: 'send_copy',
          sentOn: shiftLegalDate(acceptedOn, 2),
          respondentReceivedOn: shiftLegalDate(acceptedOn, 3),
        });
        if (state === 'suspended') {
          await run(id, {
            type: 'suspend',
            suspendedOn: shiftLegalDate(acceptedOn, 10),
            ground: 'awaiting_other_case',
          });
          continue;
        }
        await run(id, {
          type: 'record_opinion_heard',
          heardOn: shiftLegalDate(acceptedOn, 15),
          how: 'in_person',
        });
        const outcome = pick(outcomes);
        const concludedOn = shiftLegalDate(acceptedOn, 30 + Math.floor(next() * 20));
        await run(id, {
          type: 'conclude',
          concludedOn,
          outcome,
          ...(outcome === 'terminated' ? { terminationReason: 'withdrawn' } : {}),
          decisionNumber: `乐府复决〔${concludedOn.slice(0, 4)}〕${made}号`,
        });
        if (state === 'concluded') continue;
        const servedOn = shiftLegalDate(concludedOn, 2);
        await run(id, { type: 'serve', servedOn });
        concluded.push({ id, respondent: department.id, outcome, servedOn });
        if (state === 'archived')
          await run(id, { type: 'archive', archivedOn: shiftLegalDate(servedOn, 10) });
      }
    }

    // 14 lawsuits: some follow a served reconsideration decision (defendants derived), the rest
    // sue an agency directly; sessions held with the appearance record, some still to come.
    const cases = app.get(LitigationCasesService);
    const sessions = app.get(CourtSessionSchedulingService);
    const appearances = app.get(CourtAppearancesService);
    const linkable = concluded.filter((item) => item.outcome !== 'terminated').slice(0, 6);
    let sequence = 0;
    for (let i = 0; i < 14; i++) {
      sequence++;
      const link = linkable[i];
      const department = pick(departments);
      const complaintReceivedOn = link
        ? shiftLegalDate(link.servedOn, 20)
        : ago(30 + Math.floor(next() * 300));
      if (complaintReceivedOn > today) continue;
      const filedOn = shiftLegalDate(complaintReceivedOn, -3);
      const id = await cases.create(office, {
        courtCaseNumber: `（${filedOn.slice(0, 4)}）赣0281行初${sequence + 20}号`,
        courtName: '乐平市人民法院',
        instance: 'first',
        plaintiffs: [{ kind: 'person', name: name() }],
        ...(link ? { reconsiderationCaseId: link.id } : { defendantAgencyIds: [department.id] }),
        cause: '不服行政处罚决定',
        actKind: pick(ACT_KINDS),
        field: department.field,
        headSummonRequired: i % 5 === 0,
        filedOn,
        complaintReceivedOn,
      });
      await cases.execute(office, id, {
        type: 'submit_defense',
        submittedOn: shiftLegalDate(complaintReceivedOn, 10),
      });
      const sessionOn = shiftLegalDate(complaintReceivedOn, 40);
      const sessionId = await sessions.schedule(office, id, {
        startsAt: `${sessionOn}T09:30:00+08:00`,
        courtroom: pick(['第一审判庭', '第二审判庭', '第三审判庭']),
        noticeReceivedOn: shiftLegalDate(sessionOn, -10 + (i % 7 === 0 ? 8 : 0)),
        headSummoned: i % 3 === 0,
      });
      if (sessionOn >= today) continue;
      const defendants = link
        ? link.outcome === 'uphold' || link.outcome === 'dismiss_request'
          ? [link.respondent, body.id]
          : [body.id]
        : [department.id];
      for (const [index, defendantAgencyId] of defendants.entries()) {
        const appeared = next() < 0.7;
        await appearances.putRecord(office, sessionId, {
          defendantAgencyId,
          heldOn: sessionOn,
          appeared,
          ...(appeared
            ? {
                official: {
                  name: name(),
                  title: index === 0 ? '副局长' : '副市长',
                  rank: next() < 0.3 ? 'principal' : 'deputy',
                },
                spokeOnMerits: next() < 0.6,
              }
            : next() < 0.5
              ? {
                  absenceReason: 'irreplaceable_duty',
                  absenceProofSealed: true,
                  staff: { name: name(), title: '法制股股长' },
                }
              : { staff: { name: name(), title: '科员' } }),
        });
      }
      const decidedOn = shiftLegalDate(sessionOn, 20);
      if (decidedOn >= today) continue;
      await cases.execute(office, id, {
        type: 'record_judgment',
        decidedOn,
        kind: 'judgment',
        disposition: pick(['dismissed_claims', 'dismissed_claims', 'revoked', 'confirmed_illegal']),
        servedOn: shiftLegalDate(decidedOn, 3) <= today ? shiftLegalDate(decidedOn, 3) : undefined,
      });
    }
    const [counts] = await dataSource.query<Array<Record<string, string>>>(
      `SELECT (SELECT count(*) FROM agency) AS agencies,
              (SELECT count(*) FROM reconsideration_case) AS reconsideration_cases,
              (SELECT count(*) FROM litigation_case) AS litigation_cases,
              (SELECT count(*) FROM court_session) AS court_sessions`,
    );
    process.stdout.write(`seeded ${JSON.stringify(counts)} for body ${body.id}\n`);
  } finally {
    await app.close();
  }
});
