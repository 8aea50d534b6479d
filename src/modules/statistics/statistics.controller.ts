import {
  applyDecorators,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/current-actor.decorator';
import { ANY_USER_ROLE } from '../../common/auth/role';
import { Roles } from '../../common/auth/roles.decorator';
import { ProblemResponses } from '../../common/openapi/problem-responses.decorator';
import {
  FreezeQueryDto,
  MonthlyStatisticsQueryDto,
  StatisticsReportDto,
  YearlyStatisticsQueryDto,
} from './dto/statistics.dto';
import {
  contentDisposition,
  CSV_TYPE,
  negotiateFormat,
  toCsv,
  toXlsx,
  XLSX_TYPE,
} from './statistics-export';
import { StatisticsService, type StatisticsReport } from './statistics.service';

/** A statistics report: JSON, or with `format=` / `Accept` the CSV or XLSX file. */
function ReportRoute(path: string, summary: string) {
  return applyDecorators(
    Get(path),
    Roles(...ANY_USER_ROLE),
    ApiOperation({ summary }),
    ApiProduces('application/json', CSV_TYPE, XLSX_TYPE),
    ApiOkResponse({
      type: StatisticsReportDto,
      description:
        'JSON; `text/csv` (UTF-8 with BOM, one row per month) or the XLSX workbook as an attachment',
    }),
    ProblemResponses(400, 404),
  );
}

@ApiTags('statistics')
@Controller('statistics')
export class StatisticsController {
  constructor(private readonly statistics: StatisticsService) {}

  @ReportRoute(
    'monthly',
    'A month’s statistics of a reconsideration body (frozen figures and drift once frozen)',
  )
  async monthly(
    @CurrentActor() actor: Actor,
    @Query() query: MonthlyStatisticsQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StatisticsReportDto | StreamableFile> {
    const report = await this.statistics.monthly(actor, query.month, query);
    return answer(report, negotiateFormat(query.format, accept), response);
  }

  @ReportRoute('yearly', 'A year’s statistics: the sum of its months, year-to-date beside each')
  async yearly(
    @CurrentActor() actor: Actor,
    @Query() query: YearlyStatisticsQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StatisticsReportDto | StreamableFile> {
    const report = await this.statistics.yearly(actor, query.year, query);
    return answer(report, negotiateFormat(query.format, accept), response);
  }

  @Post('monthly/:month/freeze')
  @HttpCode(200)
  @Roles('head', 'admin')
  @ApiOperation({
    summary:
      'Freeze (report) a month: later reads return these figures with the drift of a fresh computation; a re-freeze keeps the old snapshot',
  })
  @ApiParam({ name: 'month', example: '2024-05', description: '`YYYY-MM`, a month that has ended' })
  @ApiOkResponse({ type: StatisticsReportDto })
  @ProblemResponses(400, 403, 404, 409, 422)
  freeze(
    @CurrentActor() actor: Actor,
    @Param('month') month: string,
    @Query() query: FreezeQueryDto,
  ): Promise<StatisticsReportDto> {
    return this.statistics.freeze(actor, month, query) as Promise<StatisticsReportDto>;
  }
}

async function answer(
  report: StatisticsReport,
  format: 'json' | 'csv' | 'xlsx',
  response: Response,
): Promise<StatisticsReportDto | StreamableFile> {
  if (format === 'json') return report as StatisticsReportDto;
  const file = format === 'csv' ? toCsv(report) : await toXlsx(report);
  response.setHeader('Content-Disposition', contentDisposition(report, format));
  return new StreamableFile(file, {
    type: format === 'csv' ? `${CSV_TYPE}; charset=utf-8` : XLSX_TYPE,
    length: file.length,
  });
}
