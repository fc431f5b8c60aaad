/** Only the types of the OpenTelemetry SDK: importing this file loads nothing at run time. */
export type { SpanExporter } from '@opentelemetry/sdk-trace-base'
