import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth/roles.decorator';
import { SweepService, type SweepResult } from './sweep.service';

@ApiTags('workflow')
@Controller('workflow')
export class SweepController {
  constructor(private readonly sweeps: SweepService) {}

  @Post('sweep')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary:
      'Run the deadline sweep now: deemed acceptance and abandonment, overdue and due-soon marks',
  })
  sweep(): Promise<SweepResult> {
    return this.sweeps.sweep();
  }
}
