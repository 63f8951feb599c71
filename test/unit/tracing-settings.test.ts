import { tracingSettings } from '../../src/core/tracing';

/** When the standard OpenTelemetry environment turns tracing on (src/core/tracing.ts); tracing.test.ts runs it. */
describe('tracingSettings', () => {
  const endpoint = 'http://collector:4318';

  it('is off with no OTEL_* variables, and says nothing', () => {
    expect(tracingSettings({})).toEqual({});
  });

  it('is on with an OTLP endpoint, the exporter unset or otlp; the service name defaults to dmc-catalogue', () => {
    expect(tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint })).toEqual({
      settings: { endpoint, serviceName: 'dmc-catalogue' },
    });
    expect(
      tracingSettings({
        OTEL_TRACES_EXPORTER: 'otlp',
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${endpoint}/v1/traces`,
        OTEL_SERVICE_NAME: 'catalogue-eu-1',
      }),
    ).toEqual({ settings: { endpoint: `${endpoint}/v1/traces`, serviceName: 'catalogue-eu-1' } });
  });

  it('is off when told so, whatever else is set', () => {
    expect(tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_TRACES_EXPORTER: 'none' })).toEqual(
      {},
    );
    expect(tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_SDK_DISABLED: 'true' })).toEqual({});
  });

  it('is off with a warning when asked for in a way it cannot serve', () => {
    expect(tracingSettings({ OTEL_TRACES_EXPORTER: 'otlp' }).warning).toMatch(
      /needs OTEL_EXPORTER_OTLP_ENDPOINT/,
    );
    expect(
      tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_TRACES_EXPORTER: 'jaeger' }),
    ).toEqual({
      warning: expect.stringMatching(/OTEL_TRACES_EXPORTER=jaeger is not supported/) as unknown,
    });
    expect(
      tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })
        .settings,
    ).toBeUndefined();
  });
});
