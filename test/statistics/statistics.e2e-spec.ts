import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { createTenant, loginAdmin, type Tenant } from '../factories/identity.factory';
import { command, createCase, run } from '../factories/case.factory';
import {
  createLitigation,
  defendantAgency,
  litigationBody,
} from '../litigation/litigation-helpers';
import {
  exportStatistics,
  parseExportArguments,
} from '../../src/modules/statistics/statistics-export-command';
import { StatisticsService } from '../../src/modules/statistics/statistics.service';
import { createTestApp, TEST_NOW, type TestApp } from '../setup/test-app';

/*
 * A year (2024) of one reconsideration body built through the API, and every figure checked
 * against counts written by hand below. The clock stands at 2026-06-01 (TEST_NOW).
 *
 * case  received  path                                             concluded / outcome
 * C1    01-10     accepted 01-12, opinion 02-01                    02-20 revoke
 * C2    01-15     accepted 01-17, opinion 02-05                    03-05 uphold
 * C3    02-05     rejected 02-07
 * C4    03-04     deemed accepted 03-11 by the sweep               pending all year (overdue from May)
 * C5    03-11     correction 03-12, served 03-13, deemed abandoned (March)
 * C6    04-08     accepted 04-10, suspended 05-06, resumed 06-03   06-20 mediation
 * C7    04-15     accepted 04-16, extended 05-20 (+30 days)        07-30 confirm_illegal, late
 * C8    05-06     accepted 05-08                                   06-05 terminated (withdrawn)
 * C9    05-13     accepted 05-15 simplified, opinion 05-20         06-10 change
 * C10   07-01     accepted 07-03, opinion 07-20                    08-15 dismiss_application
 * C11   12-20     still in acceptance review at the year's end
 */

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('statistics: a year built through the API', () => {
  let t: TestApp;
  let adminToken: string;
  let body: Tenant;
  let other: Tenant;
  const ids: Record<string, string> = {};

  const clerk = () => body.clerk.token;
  const head = () => body.head.token;

  async function intake(name: string, receivedOn: string, extra: Json = {}) {
    const firstDay = `${receivedOn.slice(0, 8)}01`;
    const created = await createCase(t, clerk(), {
      receivedOn,
      knownOn: firstDay,
      contestedAct: {
        title: '行政处罚决定书',
        actOn: firstDay,
        field: 'public_security',
        actKind: 'administrative_penalty',
        ...((extra.contestedAct as Json | undefined) ?? {}),
      },
      ...(extra.applicants ? { applicants: extra.applicants } : {}),
    });
    ids[name] = created.id;
    return created.id;
  }

  async function run2(path: string, payload: Json) {
    const response = await request(t.http)
      .post(path)
      .auth(clerk(), { type: 'bearer' })
      .send(payload);
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${response.text}`);
  }

  const get = (path: string, token: string) =>
    request(t.http).get(`/api/v1/statistics/${path}`).auth(token, { type: 'bearer' });

  beforeAll(async () => {
    t = await createTestApp();
    adminToken = await loginAdmin(t);
    [body, other] = await Promise.all([createTenant(t, adminToken), createTenant(t, adminToken)]);

    const c1 = await intake('C1', '2024-01-10');
    await run(t, clerk(), c1, 'accept', { acceptedOn: '2024-01-12' });
    await run(t, clerk(), c1, 'record-opinion-heard', { heardOn: '2024-02-01', how: 'in_person' });
    await run(t, clerk(), c1, 'conclude', { concludedOn: '2024-02-20', outcome: 'revoke' });

    const c2 = await intake('C2', '2024-01-15', {
      contestedAct: { title: '决定', field: 'natural_resources', actKind: 'licensing' },
      applicants: [{ kind: 'organization', name: '乐平市某公司' }],
    });
    await run(t, clerk(), c2, 'accept', { acceptedOn: '2024-01-17' });
    await run(t, clerk(), c2, 'record-opinion-heard', { heardOn: '2024-02-05', how: 'phone' });
    await run(t, clerk(), c2, 'conclude', { concludedOn: '2024-03-05', outcome: 'uphold' });

    const c3 = await intake('C3', '2024-02-05');
    await run(t, clerk(), c3, 'reject', { rejectedOn: '2024-02-07', reason: '不属于行政复议范围' });

    await intake('C4', '2024-03-04');
    const c5 = await intake('C5', '2024-03-11');
    await run(t, clerk(), c5, 'request-correction', {
      noticeOn: '2024-03-12',
      items: ['身份证明'],
    });
    await run(t, clerk(), c5, 'record-correction-notice-served', { servedOn: '2024-03-13' });
    const swept = await request(t.http)
      .post('/api/v1/workflow/sweep')
      .auth(adminToken, { type: 'bearer' })
      .expect(200);
    expect(swept.body.deemedAccepted).toEqual([ids.C4]);
    expect(swept.body.deemedAbandoned).toEqual([ids.C5]);

    const c6 = await intake('C6', '2024-04-08');
    await run(t, clerk(), c6, 'accept', { acceptedOn: '2024-04-10' });
    await run(t, clerk(), c6, 'suspend', { suspendedOn: '2024-05-06', ground: 'mediation_agreed' });
    await run(t, clerk(), c6, 'resume', { resumedOn: '2024-06-03' });
    await run(t, clerk(), c6, 'conclude', { concludedOn: '2024-06-20', outcome: 'mediation' });

    const c7 = await intake('C7', '2024-04-15');
    await run(t, clerk(), c7, 'accept', { acceptedOn: '2024-04-16' });
    await run(t, head(), c7, 'extend', { approvedOn: '2024-05-20', days: 30, reason: '案情复杂' });
    await run(t, clerk(), c7, 'record-opinion-heard', { heardOn: '2024-06-01', how: 'online' });
    const late = await run(t, clerk(), c7, 'conclude', {
      concludedOn: '2024-07-30',
      outcome: 'confirm_illegal',
      lateReason: '鉴定耗时',
    });
    expect(late.concludedLate).toBe(true);

    const c8 = await intake('C8', '2024-05-06');
    await run(t, clerk(), c8, 'accept', { acceptedOn: '2024-05-08' });
    await run(t, clerk(), c8, 'conclude', {
      concludedOn: '2024-06-05',
      outcome: 'terminated',
      terminationReason: 'withdrawn',
    });

    const c9 = await intake('C9', '2024-05-13');
    await run(t, clerk(), c9, 'accept', { acceptedOn: '2024-05-15', procedure: 'simplified' });
    await run(t, clerk(), c9, 'record-opinion-heard', { heardOn: '2024-05-20', how: 'phone' });
    await run(t, clerk(), c9, 'conclude', { concludedOn: '2024-06-10', outcome: 'change' });

    const c10 = await intake('C10', '2024-07-01');
    await run(t, clerk(), c10, 'accept', { acceptedOn: '2024-07-03' });
    await run(t, clerk(), c10, 'record-opinion-heard', { heardOn: '2024-07-20', how: 'phone' });
    await run(t, clerk(), c10, 'conclude', {
      concludedOn: '2024-08-15',
      outcome: 'dismiss_application',
    });

    await intake('C11', '2024-12-20');

    // Lawsuits: against C1's revocation (the body alone), and C2's upholding (co-defendants).
    const original = await defendantAgency(t, adminToken, body.agency.id);
    const l1 = await createLitigation(
      t,
      clerk(),
      litigationBody(undefined, {
        reconsiderationCaseId: ids.C1,
        filedOn: '2024-03-08',
        complaintReceivedOn: '2024-03-11',
      }),
    );
    await run2(`/api/v1/litigation-cases/${l1.id}/record-judgment`, {
      decidedOn: '2024-09-10',
      kind: 'judgment',
      disposition: 'revoked',
    });
    await run2(`/api/v1/litigation-cases/${l1.id}/record-judicial-recommendation`, {
      receivedOn: '2024-11-05',
      summary: '规范复议程序',
    });
    const l2 = await createLitigation(
      t,
      clerk(),
      litigationBody([original.id, body.agency.id], {
        reconsiderationCaseId: ids.C2,
        filedOn: '2024-03-28',
        complaintReceivedOn: '2024-04-02',
      }),
    );
    expect(l2.coDefendant).toBe(true);
    await run2(`/api/v1/litigation-cases/${l2.id}/record-judgment`, {
      decidedOn: '2024-10-15',
      kind: 'ruling',
      disposition: 'withdrawn',
    });

    // The other body: one case received and accepted in January.
    const theirs = await createCase(t, other.clerk.token, {
      receivedOn: '2024-01-22',
      knownOn: '2024-01-02',
      contestedAct: { title: '决定', actOn: '2024-01-02', field: 'transport', actKind: 'other' },
    });
    await run(t, other.clerk.token, theirs.id, 'accept', { acceptedOn: '2024-01-24' });
  }, 120_000);
  afterAll(() => t.close());

  it('reports a month with every figure counted by hand', async () => {
    const { body: may } = await get(`monthly?month=2024-05`, body.viewer.token).expect(200);
    expect(may).toMatchObject({
      agencyId: body.agency.id,
      period: { kind: 'month', from: '2024-05-01', to: '2024-05-31' },
      frozen: null,
      drift: null,
      reconsideration: {
        received: 2,
        accepted: 2,
        acceptedDeemed: 0,
        rejected: 0,
        abandoned: 0,
        concluded: 0,
        handled: 0,
        pendingAtStart: 3,
        pendingAtEnd: 5,
        suspendedAtEnd: 1,
        extended: 1,
        extendedAtEnd: 1,
        overdueAtEnd: 1,
        concludedLate: 0,
        hearingsHeld: 0,
        handlingDays: { mean: null, max: null, total: 0, count: 0 },
        correctionRate: { numerator: 0, denominator: 0, value: null },
      },
      yearToDate: {
        reconsideration: { received: 9, accepted: 7, concluded: 2, rejected: 1, abandoned: 1 },
      },
    });
    expect(may.definitions.correctionRate.correctionOutcomes).toEqual(
      expect.arrayContaining(['revoke', 'change', 'confirm_illegal', 'order_performance']),
    );

    const { body: june } = await get(`monthly?month=2024-06`, clerk()).expect(200);
    expect(june.reconsideration).toMatchObject({
      received: 0,
      accepted: 0,
      concluded: 3,
      concludedByOutcome: { mediation: 1, terminated: 1, change: 1, revoke: 0 },
      terminatedByWithdrawal: 1,
      pendingAtStart: 5,
      pendingAtEnd: 2,
      suspendedAtEnd: 0,
      extendedAtEnd: 1,
      overdueAtEnd: 1,
      handlingDays: { total: 71 + 28 + 26, max: 71, count: 3 },
      correctionRate: { numerator: 1, denominator: 1, value: 1 },
      correctionRateOfConcluded: { numerator: 1, denominator: 3 },
      mediationWithdrawalRate: { numerator: 2, denominator: 3 },
      byProcedure: {
        simplified: { received: 0, accepted: 0, concluded: 1 },
        ordinary: { concluded: 2 },
      },
    });
    expect(june.litigation).toMatchObject({
      newByInstance: { first: 0, second: 0, retrial: 0 },
      lossRate: { numerator: 0, denominator: 0, value: null },
    });
    expect(june.litigation.appearanceRates.map((rate: Json) => rate.name)).toEqual([
      'per_case_instance',
      'per_summoned_case_instance',
      'per_defendant_case_instance',
    ]);
  });

  it('reports the year as the sum of its months, with year-to-date beside each', async () => {
    const { body: year } = await get(`yearly?year=2024`, head()).expect(200);
    expect(year.reconsideration).toMatchObject({
      received: 11,
      accepted: 8,
      acceptedDeemed: 1,
      rejected: 1,
      abandoned: 1,
      concluded: 7,
      handled: 9,
      pendingAtStart: 0,
      pendingAtEnd: 1,
      concludedLate: 1,
      extended: 1,
      concludedByOutcome: {
        revoke: 1,
        uphold: 1,
        mediation: 1,
        terminated: 1,
        change: 1,
        confirm_illegal: 1,
        dismiss_application: 1,
      },
      handlingDays: { total: 360, max: 105, count: 7, mean: 360 / 7 },
      correctionRate: { numerator: 3, denominator: 4, value: 0.75 },
      mediationWithdrawalRate: { numerator: 2, denominator: 7 },
      byField: {
        public_security: { received: 10, accepted: 7, concluded: 6 },
        natural_resources: { received: 1, accepted: 1, concluded: 1 },
      },
      byApplicantKind: { organization: { received: 1 } },
    });
    expect(year.reconsideration.noFurtherLitigationRate).toEqual({
      numerator: 5,
      denominator: 7,
      value: 5 / 7,
    });
    expect(year.litigation).toMatchObject({
      newByInstance: { first: 2, second: 0, retrial: 0 },
      coDefendant: 1,
      concluded: 2,
      concludedByJudgment: 1,
      lost: 1,
      lossRate: { numerator: 1, denominator: 2, value: 0.5 },
      lossRateOfJudgments: { numerator: 1, denominator: 1, value: 1 },
      judicialRecommendations: 1,
      sessionsHeld: 0,
    });
    const months = year.months as Json[];
    expect(months.map((m) => m.litigation.newByInstance.first)).toEqual([
      0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0,
    ]);
    expect(months[1].reconsideration.noFurtherLitigationRate).toMatchObject({
      numerator: 0,
      denominator: 1,
    });
    expect(months[8].litigation).toMatchObject({ concluded: 1, lost: 1 });
    expect(months[10].litigation.judicialRecommendations).toBe(1);
    expect(months.map((m) => m.month)).toHaveLength(12);
    const byHand = [
      // received, accepted, concluded, pendingAtEnd
      [2, 2, 0, 2],
      [1, 0, 1, 1],
      [2, 1, 1, 1],
      [2, 2, 0, 3],
      [2, 2, 0, 5],
      [0, 0, 3, 2],
      [1, 1, 1, 2],
      [0, 0, 1, 1],
      [0, 0, 0, 1],
      [0, 0, 0, 1],
      [0, 0, 0, 1],
      [1, 0, 0, 1],
    ];
    expect(
      months.map((m) => [
        m.reconsideration.received,
        m.reconsideration.accepted,
        m.reconsideration.concluded,
        m.reconsideration.pendingAtEnd,
      ]),
    ).toEqual(byHand);
    let running = 0;
    for (const month of months) {
      const r = month.reconsideration;
      expect(r.pendingAtStart + r.accepted - r.concluded).toBe(r.pendingAtEnd);
      running += r.received;
      expect(month.yearToDate.reconsideration.received).toBe(running);
    }
    expect(months[11].yearToDate.reconsideration).toEqual(year.reconsideration);
  });

  it('answers CSV with a BOM, Chinese headers and a row per month', async () => {
    const response = await get(`yearly?year=2024&format=csv`, body.viewer.token).expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toMatch(/^attachment;/);
    expect(decodeURIComponent(response.headers['content-disposition'])).toContain(
      `${body.agency.code}-${body.agency.name}-行政复议统计-2024.csv`,
    );
    const text = response.text;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = text
      .slice(1)
      .trimEnd()
      .split('\r\n')
      .map((line) => line.split(','));
    const header = rows[0];
    expect(header.slice(0, 6)).toEqual([
      '复议机关',
      '期间',
      '口径',
      '新收',
      '受理',
      '其中视为受理',
    ]);
    expect(rows).toHaveLength(1 + 12 + 1);
    const column = (name: string) => header.indexOf(name);
    expect(rows.slice(1, 13).map((row) => row[1])).toEqual(
      Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`),
    );
    expect(rows[1][column('新收')]).toBe('2');
    expect(rows[6][column('审结')]).toBe('3');
    expect(rows[13]).toEqual(expect.arrayContaining(['2024', '全年']));
    expect(rows[13][column('纠错率(%)')]).toBe('75');
    expect(rows[13][column('纠错率分子')]).toBe('3');
    expect(rows[13][column('纠错率分母')]).toBe('4');

    const byAccept = await get(`monthly?month=2024-06`, clerk())
      .set('Accept', 'text/csv')
      .expect(200);
    expect(byAccept.headers['content-type']).toMatch(/^text\/csv/);
  });

  it('answers XLSX read back by exceljs: sheets, frozen headers, numbers and percentages', async () => {
    const response = await get(`yearly?year=2024`, clerk())
      .set('Accept', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(response.headers['content-disposition']).toContain('.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      '行政复议收案与结案',
      '审理结果',
      '纠错率等指标',
      '行政应诉',
      '负责人出庭应诉',
      '分类统计',
    ]);
    const flows = workbook.getWorksheet('行政复议收案与结案')!;
    expect(flows.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    const headers = flows.getRow(2).values as unknown[];
    expect(headers.slice(1, 5)).toEqual(['期间', '口径', '新收', '受理']);
    // Rows: January, January year-to-date, February, …
    expect(flows.getRow(3).getCell(1).value).toBe('2024-01');
    expect(flows.getRow(3).getCell(3).value).toBe(2);
    expect(flows.getRow(4).getCell(2).value).toBe('累计');
    const rates = workbook.getWorksheet('纠错率等指标')!;
    const rateHeaders = rates.getRow(2).values as unknown[];
    expect(rateHeaders.slice(3, 6)).toEqual(['纠错率(%)', '纠错率分子', '纠错率分母']);
    const yearRow = rates.getRow(rates.rowCount);
    expect(yearRow.getCell(2).value).toBe('全年');
    expect(yearRow.getCell(3).value).toBe(0.75);
    expect(yearRow.getCell(3).numFmt).toBe('0.00%');
    expect(yearRow.getCell(4).value).toBe(3);
    expect(yearRow.getCell(5).value).toBe(4);
    // The year's breakdowns, fields in the dictionary's order (counts as in the JSON above).
    const breakdowns = workbook.getWorksheet('分类统计')!;
    expect((breakdowns.getRow(2).values as unknown[]).slice(1, 6)).toEqual([
      '分类维度',
      '类别',
      '新收',
      '受理',
      '审结',
    ]);
    expect((breakdowns.getRow(3).values as unknown[]).slice(1, 6)).toEqual([
      '行政管理领域',
      '公安',
      10,
      7,
      6,
    ]);
    expect((breakdowns.getRow(4).values as unknown[]).slice(1, 6)).toEqual([
      '行政管理领域',
      '自然资源',
      1,
      1,
      1,
    ]);
    expect(breakdowns.getRow(3).getCell(6).numFmt).toBe('0.00%');
  });

  it('keeps each body to its own figures; an admin of no body gets the roll-up', async () => {
    await get(`monthly?month=2024-01&agencyId=${body.agency.id}`, other.head.token).expect(404);
    const theirs = await get(`monthly?month=2024-01`, other.viewer.token).expect(200);
    expect(theirs.body.reconsideration).toMatchObject({ received: 1, accepted: 1 });
    const all = await get(`monthly?month=2024-01`, adminToken).expect(200);
    expect(all.body).toMatchObject({ agencyId: null, agency: null });
    expect(all.body.reconsideration).toMatchObject({ received: 3, accepted: 3, pendingAtEnd: 3 });
    const named = await get(`monthly?month=2024-01&agencyId=${other.agency.id}`, adminToken);
    expect(named.body.reconsideration.received).toBe(1);
    await get(
      `monthly?month=2024-01&agencyId=${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`,
      adminToken,
    ).expect(404);
  });

  it('exports the same figures from the command line as the API answers', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'fuyi-stats-'));
    try {
      const out = join(directory, 'year.json');
      await exportStatistics(
        t.app.get(StatisticsService),
        parseExportArguments(['--year', '2024', '--agency', body.agency.code, '--out', out]),
      );
      const api = await get('yearly?year=2024', head()).expect(200);
      expect(JSON.parse(await readFile(out, 'utf8'))).toEqual(api.body);
      const csv = join(directory, 'may.csv');
      await exportStatistics(
        t.app.get(StatisticsService),
        parseExportArguments([
          '--month=2024-05',
          `--agency=${body.agency.code}`,
          '--format=csv',
          `--out=${csv}`,
        ]),
      );
      const apiCsv = await get('monthly?month=2024-05&format=csv', head()).expect(200);
      expect((await readFile(csv)).toString('utf8')).toBe(apiCsv.text);
      await expect(
        exportStatistics(
          t.app.get(StatisticsService),
          parseExportArguments(['--year', '2024', '--agency', 'NO-SUCH-BODY', '--out', out]),
        ),
      ).rejects.toThrow(/NO-SUCH-BODY/);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it.each([
    ['monthly?month=2024-13'],
    ['monthly?month=2024-1'],
    ['monthly?month=1899-01'],
    ['monthly'],
    ['yearly?year=24'],
    ['yearly?year=abcd'],
    ['yearly?year=2024&format=pdf'],
  ])('refuses %s with 400', async (path) => {
    const response = await get(path, clerk()).expect(400);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
  });

  describe('frozen months', () => {
    const freeze = (month: string, token: string, query = '') =>
      request(t.http)
        .post(`/api/v1/statistics/monthly/${month}/freeze${query}`)
        .auth(token, { type: 'bearer' });

    it('lets only a head or an admin freeze, and only a month that has ended', async () => {
      await freeze('2024-06', clerk()).expect(403);
      await freeze('2024-06', body.viewer.token).expect(403);
      await freeze('2024-13', head()).expect(400);
      await freeze('2024-06', adminToken).expect(400);
      t.clock.set('2024-06-30T23:00:00+08:00');
      try {
        const refused = await freeze('2024-06', head()).expect(422);
        expect(refused.body.rule).toBe('statistics_month_not_ended');
      } finally {
        t.clock.set(TEST_NOW);
      }
    });

    it('freezes, shows the frozen figures and the drift after a late correction, re-freezes keeping the old', async () => {
      const frozen = await freeze('2024-06', head()).expect(200);
      expect(frozen.body.frozen).toMatchObject({ by: expect.any(String), superseded: [] });
      expect(frozen.body.drift).toEqual([]);
      expect(frozen.body.reconsideration.concluded).toBe(3);
      const audit = await request(t.http)
        .get(`/api/v1/audit?targetId=${frozen.body.frozen.snapshotId}`)
        .auth(adminToken, { type: 'bearer' })
        .expect(200);
      expect(audit.body.items.map((entry: Json) => entry.action)).toEqual([
        'statistics_month.frozen',
      ]);

      // A late correction: the head reopens C9, concluded in June by mistake.
      await run(t, head(), ids.C9, 'reopen', { reason: '结论误录' });
      const after = await get('monthly?month=2024-06', body.viewer.token).expect(200);
      expect(after.body.reconsideration.concluded).toBe(3);
      expect(after.body.frozen.at).toBe(frozen.body.frozen.at);
      expect(after.body.drift).toEqual(
        expect.arrayContaining([
          { path: 'reconsideration.concluded', frozen: 3, now: 2 },
          { path: 'reconsideration.concludedByOutcome.change', frozen: 1, now: 0 },
          { path: 'reconsideration.pendingAtEnd', frozen: 2, now: 3 },
        ]),
      );
      // The year sums the frozen June; July's opening follows the fresh data.
      const year = await get('yearly?year=2024', head()).expect(200);
      expect(year.body.months[5]).toMatchObject({
        frozen: { at: frozen.body.frozen.at },
        reconsideration: { concluded: 3 },
      });

      t.clock.set('2026-06-02T09:00:00+08:00');
      const again = await freeze('2024-06', head()).expect(200);
      t.clock.set(TEST_NOW);
      expect(again.body.drift).toEqual([]);
      expect(again.body.reconsideration.concluded).toBe(2);
      expect(again.body.frozen.superseded).toEqual([
        expect.objectContaining({ snapshotId: frozen.body.frozen.snapshotId }),
      ]);
      const kept = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM statistics_snapshot WHERE agency_id = $1 AND month = '2024-06'`,
        [body.agency.id],
      );
      expect(kept[0].n).toBe(2);
      await command(t, clerk(), ids.C9, 'conclude', {
        concludedOn: '2024-06-10',
        outcome: 'change',
      }).expect(200);
    });

    it('lets an admin freeze a body it names', async () => {
      const response = await freeze('2024-01', adminToken, `?agencyId=${other.agency.id}`).expect(
        200,
      );
      expect(response.body).toMatchObject({ agencyId: other.agency.id, drift: [] });
      await freeze('2024-01', other.head.token, `?agencyId=${body.agency.id}`).expect(404);
    });
  });
});
