// Areas behind the CSMS cases outside the certification profiles: firmware publishing by a Local Controller and the
// retrieval of several certificate types at once; with their faults.
import { describe, expect, it } from 'vitest';
import { AREA as CERTIFICATES } from '../../../src/sim/csms/areas/certificates.ts';
import { AREA as PUBLISH, publishOf } from '../../../src/sim/csms/areas/firmware-publish.ts';
import { CsmsFaultSet } from '../../../src/sim/csms/faults.ts';
import type { HandlerContext } from '../../../src/sim/csms/handlers.ts';
import { SimCallError } from '../../../src/sim/csms/handlers.ts';
import { areaContext } from './area-context.ts';

type Json = Record<string, unknown>;

const context = (faults: string[] = []): HandlerContext => areaContext('LC1', faults);

function wire(area: typeof PUBLISH, faults: string[], action: string, payload: Json): Json {
  const p = structuredClone(payload);
  area.outgoing?.(new CsmsFaultSet(faults), action, p, '2.0.1');
  return p;
}

const notify = (ctx: HandlerContext, payload: Json): Promise<Json> => Promise.resolve().then(() => PUBLISH.handlers!.PublishFirmwareStatusNotification!(ctx, payload));

describe('firmware-publish area', () => {
  it('files the statuses and published locations of each publication, and the answers to unpublish requests', async () => {
    const ctx = context();
    PUBLISH.learn!(ctx.station, 'PublishFirmware', { requestId: 9, location: 'https://x.test/fw.bin', checksum: 'abc' }, { status: 'Accepted' }, ctx.opts.faults);
    for (const status of ['Downloading', 'Downloaded', 'ChecksumVerified']) expect(await notify(ctx, { status, requestId: 9 })).toEqual({});
    expect(await notify(ctx, { status: 'Published', requestId: 9, location: ['http://lc.local/fw.bin'] })).toEqual({});
    expect(publishOf(ctx.station).publications.get(9)).toMatchObject({ checksum: 'abc', requestStatus: 'Accepted', statuses: ['Downloading', 'Downloaded', 'ChecksumVerified', 'Published'], locations: ['http://lc.local/fw.bin'] });
    PUBLISH.learn!(ctx.station, 'UnpublishFirmware', { checksum: 'abc' }, { status: 'DownloadOngoing' }, ctx.opts.faults);
    expect(publishOf(ctx.station).unpublished.get('abc')).toBe('DownloadOngoing');
  });

  it('faults change the requests and refuse the notifications they name', async () => {
    expect(wire(PUBLISH, ['publish.locationAsHttp'], 'PublishFirmware', { location: 'https://x.test/fw.bin' }).location).toBe('http://x.test/fw.bin');
    expect(wire(PUBLISH, ['publish.unpublishChecksumUppercase'], 'UnpublishFirmware', { checksum: 'abc' }).checksum).toBe('ABC');
    await expect(notify(context(['publish.refuseFailureStatus']), { status: 'InvalidChecksum', requestId: 1 })).rejects.toBeInstanceOf(SimCallError);
    await expect(notify(context(['publish.refuseFailureStatus']), { status: 'Downloaded', requestId: 1 })).resolves.toEqual({});
    await expect(notify(context(['publish.refusePublished']), { status: 'Published', requestId: 1 })).rejects.toBeInstanceOf(SimCallError);
  });
});

describe('certificates area: several certificate types', () => {
  it("certificates.askOnlyFirstType keeps the first certificateType only", () => {
    expect(wire(CERTIFICATES, ['certificates.askOnlyFirstType'], 'GetInstalledCertificateIds', { certificateType: ['CSMSRootCertificate', 'ManufacturerRootCertificate'] }).certificateType).toEqual(['CSMSRootCertificate']);
  });
});
