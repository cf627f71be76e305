/**
 * Which service a request is for. The registered services are built from their models once; a request is matched by
 * the signing name of its credential scope or, unsigned, by its protocol's request shape, and then by the services'
 * own claims (services.types RoutingHint). Nothing here knows a particular service.
 */
import { loadModel } from './model/load';
import { requestShapeOf } from './protocols/shape';
import { type WireRequest } from './protocols/types';
import { type EmulatedService, type ServiceDefinition } from './services/types';

/** Loads each service's model and builds it; refuses two services with one id. */
export function loadServices(services: readonly EmulatedService[], modelsDir: string): ServiceDefinition[] {
  const seen = new Set<string>();
  return services.map((service) => {
    if (seen.has(service.id)) throw new Error(`emulator: two services have the id ${service.id}`);
    seen.add(service.id);
    const model = loadModel(modelsDir, service.modelFolder);
    return { ...service, ...service.build(model), model };
  });
}

function choose(candidates: readonly ServiceDefinition[], request: WireRequest): ServiceDefinition | undefined {
  return (
    candidates.find((s) => s.routing.claims?.(request, s.model)) ??
    candidates.find((s) => !s.routing.claims) ??
    candidates[0]
  );
}

/** The service of a request signed for `signingName`. */
export function serviceBySigningName(
  services: readonly ServiceDefinition[],
  signingName: string,
  request: WireRequest,
): ServiceDefinition | undefined {
  return choose(
    services.filter((s) => s.routing.signingName === signingName),
    request,
  );
}

/** The service of a request without a usable Authorization header, from its shape. */
export function serviceByShape(
  services: readonly ServiceDefinition[],
  request: WireRequest,
): ServiceDefinition | undefined {
  const shape = requestShapeOf(request);
  return choose(
    services.filter((s) => s.protocol.requestShape === shape),
    request,
  );
}
