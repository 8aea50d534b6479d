import type { AgencyEntity } from './agency.entity';
import type { AgencyDto } from './dto/agency.dto';

export function toAgencyDto(agency: AgencyEntity): AgencyDto {
  return {
    id: agency.id,
    name: agency.name,
    code: agency.code,
    kind: agency.kind,
    parentId: agency.parentId,
    tenantId: agency.tenantId,
    receiptNumberTemplate: agency.receiptNumberTemplate,
    caseNumberTemplate: agency.caseNumberTemplate,
    version: agency.version,
    createdAt: agency.createdAt.toISOString(),
    updatedAt: agency.updatedAt.toISOString(),
  };
}
