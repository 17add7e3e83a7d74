export const id = 257;
export const ids = [257];
export const modules = {

/***/ 2257:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deploy: () => (/* binding */ deploy)
});

// UNUSED EXPORTS: oneLine

// EXTERNAL MODULE: ./.build/actions/lib/errors/user-error.js
var user_error = __webpack_require__(3594);
;// CONCATENATED MODULE: ./.build/actions/lib/kube/health.js
function hasHealthChecks(settings) {
    return settings.http !== undefined || settings.prometheus !== undefined;
}
async function analyseHealth(settings, progress, clock, fetcher = fetch) {
    const started = clock.now();
    const measurements = [];
    let passedInARow = 0;
    let failures = 0;
    const seconds = () => Math.round((clock.now() - started) / 100) / 10;
    for (let round = 1;; round++) {
        const results = [];
        if (settings.http)
            results.push({
                round,
                check: 'http',
                ...(await checkHttp(settings.http, settings.requestTimeoutSeconds, fetcher)),
                atSeconds: seconds()
            });
        if (settings.prometheus)
            results.push({
                round,
                check: 'prometheus',
                ...(await checkPrometheus(settings.prometheus, settings.requestTimeoutSeconds, fetcher)),
                atSeconds: seconds()
            });
        measurements.push(...results);
        const failed = results.filter((r) => !r.ok);
        for (const r of results)
            progress(`health round ${round}: ${r.check} ${r.ok ? 'ok' : 'FAILED'}: ${r.detail}`);
        if (failed.length === 0) {
            passedInARow++;
            if (passedInARow >= settings.checks)
                return { ok: true, reason: `${passedInARow} consecutive healthy round(s)`, measurements, seconds: seconds() };
        }
        else {
            passedInARow = 0;
            failures++;
            if (failures > settings.failureLimit) {
                return {
                    ok: false,
                    reason: `health check failed ${failures} time(s) (failure-limit ${settings.failureLimit}): ` +
                        failed.map((f) => `${f.check}: ${f.detail}`).join('; '),
                    measurements,
                    seconds: seconds()
                };
            }
        }
        await clock.sleep(settings.intervalSeconds * 1000);
    }
}
async function checkHttp(check, timeoutSeconds, fetcher = fetch) {
    let response;
    try {
        response = await fetcher(check.url, {
            signal: AbortSignal.timeout(timeoutSeconds * 1000),
            redirect: 'manual',
            headers: { accept: 'application/json, */*' }
        });
    }
    catch (error) {
        return { ok: false, detail: `${check.url}: no answer (${describeFetchError(error)})` };
    }
    const body = await response.text().catch(() => '');
    if (!check.expectedStatus.includes(response.status))
        return { ok: false, detail: `HTTP ${response.status}, expected ${check.expectedStatus.join(' or ')}${snippet(body)}` };
    if (check.jsonPath === undefined)
        return { ok: true, detail: `HTTP ${response.status}` };
    let document;
    try {
        document = JSON.parse(body);
    }
    catch {
        return { ok: false, detail: `HTTP ${response.status} but the body is not JSON${snippet(body)}` };
    }
    const value = readJsonPath(document, check.jsonPath);
    if (value === undefined)
        return { ok: false, detail: `HTTP ${response.status} but ${check.jsonPath} is missing from the body` };
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    if (check.jsonValue !== undefined && text !== check.jsonValue)
        return { ok: false, detail: `${check.jsonPath} is ${text}, expected ${check.jsonValue}` };
    return { ok: true, detail: `HTTP ${response.status}, ${check.jsonPath} = ${text}` };
}
/** `a.b[0].c`, with an optional leading `$.`. */
function readJsonPath(document, path) {
    const parts = path.replace(/^\$\.?/, '').match(/[^.[\]]+|\[\d+\]/g) ?? [];
    let current = document;
    for (const part of parts) {
        if (current === null || typeof current !== 'object')
            return undefined;
        const key = part.startsWith('[') ? Number(part.slice(1, -1)) : part;
        current = current[key];
    }
    return current;
}
async function checkPrometheus(check, timeoutSeconds, fetcher = fetch) {
    const url = `${check.url.replace(/\/+$/, '')}/api/v1/query`;
    let response;
    try {
        response = await fetcher(url, {
            method: 'POST',
            signal: AbortSignal.timeout(timeoutSeconds * 1000),
            headers: { 'content-type': 'application/x-www-form-urlencoded', ...(check.token ? { authorization: `Bearer ${check.token}` } : {}) },
            body: new URLSearchParams({ query: check.query }).toString()
        });
    }
    catch (error) {
        return { ok: false, detail: `Prometheus did not answer (${describeFetchError(error)})` };
    }
    const body = await response.text().catch(() => '');
    let answer;
    try {
        answer = JSON.parse(body);
    }
    catch {
        return { ok: false, detail: `Prometheus answered HTTP ${response.status} without JSON${snippet(body)}` };
    }
    if (answer.status !== 'success' || !answer.data)
        return {
            ok: false,
            detail: `Prometheus query error (HTTP ${response.status}, ${answer.errorType ?? 'error'}): ${answer.error ?? 'no data'}`
        };
    const values = sampleValues(answer.data);
    if (values === undefined)
        return { ok: false, detail: `the query returns a ${answer.data.resultType}; use an instant vector or scalar expression` };
    if (values.length === 0)
        return { ok: false, detail: `the query returned no data (fail closed; append "or vector(0)" if no series means healthy)` };
    const worst = values.some(Number.isNaN) ? Number.NaN : Math.max(...values);
    if (Number.isNaN(worst))
        return { ok: false, detail: `the query returned NaN (fail closed)` };
    const shown = Number(worst.toPrecision(6));
    return worst <= check.max
        ? { ok: true, detail: `${shown} <= ${check.max}` }
        : { ok: false, detail: `${shown} > ${check.max} (prometheus-max)` };
}
function sampleValues(data) {
    if (data.resultType === 'scalar')
        return [sample(data.result[1])];
    if (data.resultType === 'vector')
        return data.result.map((s) => sample(s.value[1]));
    return undefined;
}
/** A sample value as Prometheus writes it: a decimal, NaN, +Inf or -Inf. */
function sample(text) {
    if (text === '+Inf')
        return Infinity;
    if (text === '-Inf')
        return -Infinity;
    return Number(text);
}
function describeFetchError(error) {
    const e = error;
    if (e.name === 'TimeoutError')
        return 'timed out';
    return e.cause?.code ?? e.cause?.message ?? e.message ?? String(error);
}
function snippet(body) {
    const text = body.replace(/\s+/g, ' ').trim();
    return text ? `: ${text.slice(0, 120)}${text.length > 120 ? '...' : ''}` : '';
}

// EXTERNAL MODULE: ./.build/actions/lib/kube/manifests.js
var manifests = __webpack_require__(2028);
;// CONCATENATED MODULE: ./.build/actions/lib/kube/apply.js
// Applying a set of manifests in the order kubectl users expect: Namespaces and
// CustomResourceDefinitions first (each CRD Established before any object of its kind is sent),
// then the rest in manifest order. Every object goes to the namespace it names; the deploy's
// namespace only to objects that name none (kubectl refuses an object whose namespace differs
// from -n, so there is no blanket -n: one apply per namespace, which kubectl ignores for
// cluster-scoped kinds).


function isNamespace(object) {
    return object.kind === 'Namespace' && object.apiVersion === 'v1';
}
function isCrd(object) {
    return object.kind === 'CustomResourceDefinition' && object.apiVersion.startsWith('apiextensions.k8s.io/');
}
/** Whether `crd` (a CustomResourceDefinition manifest) defines the kind of `object`. */
function defines(crd, object) {
    const spec = crd.spec;
    const group = object.apiVersion.includes('/') ? object.apiVersion.slice(0, object.apiVersion.indexOf('/')) : '';
    return spec?.group === group && spec.names?.kind === object.kind;
}
/** The objects in apply order: Namespaces, then CustomResourceDefinitions, then the rest, each in manifest order. */
function applyOrder(objects) {
    return {
        first: [...objects.filter(isNamespace), ...objects.filter(isCrd)],
        rest: objects.filter((o) => !isNamespace(o) && !isCrd(o))
    };
}
/** The objects grouped by the namespace each goes to, in order of first appearance. */
function byNamespace(objects, namespace) {
    const groups = new Map();
    for (const object of objects) {
        const ns = (0,manifests.namespaceOf)(object, namespace);
        groups.set(ns, [...(groups.get(ns) ?? []), object]);
    }
    return [...groups].map(([ns, list]) => ({ namespace: ns, objects: list }));
}
/**
 * Apply (or server-side dry-run) the objects in order. Throws a KubectlError when kubectl refuses
 * any of them (objects before it in the same call may be applied: the caller restores the recorded
 * state), or a UserError when a CustomResourceDefinition is not accepted or not Established in time.
 */
async function applyObjects(kubectl, objects, options, report, clock) {
    const result = { applied: [], notValidated: [] };
    const { first, rest } = applyOrder(objects);
    const firstNote = first.length ? `; ${first.length} Namespace/CRD first` : '';
    const title = `kubectl apply${options.dryRun ? ' --dry-run=server' : ''} (${objects.length} object(s)${firstNote})`;
    await report.group(title, async () => {
        await applyGroups(kubectl, first, options, report, result);
        const crds = first.filter(isCrd);
        if (!options.dryRun)
            await waitEstablished(kubectl, crds, options, report, clock);
        let later = rest;
        if (options.dryRun) {
            const newNamespaces = new Set(first.filter((o) => isNamespace(o) && options.isNew(o)).map((o) => o.metadata.name));
            const newCrds = crds.filter(options.isNew);
            later = rest.filter((o) => !(newNamespaces.has((0,manifests.namespaceOf)(o, options.namespace)) || newCrds.some((crd) => defines(crd, o))));
            result.notValidated = rest.filter((o) => !later.includes(o)).map(manifests.describeObject);
            if (result.notValidated.length)
                report.info(`Not validated (they need a Namespace or CRD this deploy would create): ${result.notValidated.join(', ')}`);
        }
        // Established means served, but a client's discovery may lag a moment behind: one retry.
        await applyGroups(kubectl, later, options, report, result, crds.length > 0 && !options.dryRun ? clock : undefined);
    });
    if (result.applied.length === 0 && objects.length > result.notValidated.length)
        throw new user_error/* UserError */.yo('kubectl apply reported no objects.');
    return result;
}
async function applyGroups(kubectl, objects, options, report, result, retryClock) {
    for (const group of byNamespace(objects, options.namespace)) {
        const args = ['apply', '-n', group.namespace, '-f', '-', '-o', 'name', ...(options.dryRun ? ['--dry-run=server'] : [])];
        const input = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: group.objects });
        let out = await kubectl.tryRun(args, { input });
        if (out.exitCode !== 0 && retryClock && /no matches for kind|doesn't have a resource type/.test(out.stderr)) {
            await retryClock.sleep(1000);
            out = await kubectl.tryRun(args, { input });
        }
        const lines = out.stdout.trim().split('\n').filter(Boolean);
        for (const line of lines)
            report.info(line);
        result.applied.push(...lines);
        if (out.exitCode !== 0) {
            if (lines.length)
                report.info(`Applied before kubectl stopped: ${lines.join(', ')}`);
            throw kubectl.failure(args, out, 'kubectl apply');
        }
    }
}
async function waitEstablished(kubectl, crds, options, report, clock) {
    if (crds.length === 0)
        return;
    const started = clock.now();
    const pending = new Map(crds.map((crd) => [crd.metadata.name, crd]));
    for (;;) {
        for (const [name, crd] of pending) {
            const live = await kubectl.getObject(crd.apiVersion, crd.kind, name, options.namespace, `reading customresourcedefinition/${name}`);
            const conditions = live?.status?.conditions ?? [];
            const names = conditions.find((c) => c.type === 'NamesAccepted');
            if (names?.status === 'False')
                throw new user_error/* UserError */.yo(`customresourcedefinition/${name} was not accepted: ${names.reason ?? ''} ${names.message ?? ''}`.trim());
            if (conditions.find((c) => c.type === 'Established')?.status === 'True')
                pending.delete(name);
        }
        if (pending.size === 0) {
            report.info(`Established: ${crds.map((c) => `customresourcedefinition/${c.metadata.name}`).join(', ')}`);
            return;
        }
        if ((clock.now() - started) / 1000 >= options.establishSeconds) {
            throw new user_error/* UserError */.yo(`${[...pending.keys()].map((n) => `customresourcedefinition/${n}`).join(', ')} not Established within ${options.establishSeconds}s.`);
        }
        await clock.sleep(options.pollMs ?? 500);
    }
}

;// CONCATENATED MODULE: ./.build/actions/lib/kube/blue-green.js
// Blue-green as plain object transforms: each Deployment gets a coloured twin (`web-green`, pods
// labelled with the colour), and each Service that routes to it selects one colour at a time.


const COLORS = (/* unused pure expression or super */ null && (['blue', 'green']));
function otherColor(color) {
    return color === 'blue' ? 'green' : 'blue';
}
function coloredName(name, color) {
    return `${name}-${color}`;
}
/**
 * Split the manifests for a blue-green deploy into the idle colour's objects and the routing
 * Services. Only Deployments can be coloured; a Service routes to a Deployment when its selector is
 * a subset of the Deployment's pod labels.
 */
function planBlueGreen(objects, color, colorLabel) {
    const deployments = objects.filter((o) => o.kind === 'Deployment');
    if (deployments.length === 0)
        throw new user_error/* UserError */.yo('strategy blue-green needs at least one Deployment in the manifests.');
    const other = objects.find((o) => o.kind === 'StatefulSet' || o.kind === 'DaemonSet');
    if (other)
        throw new user_error/* UserError */.yo(`strategy blue-green colours Deployments only; ${other.kind} "${other.metadata.name}" cannot run twice side by side. ` +
            'Deploy it in a separate step with strategy rolling.');
    const services = objects.filter((o) => o.kind === 'Service' && routesTo(o, deployments));
    if (services.length === 0)
        throw new user_error/* UserError */.yo("strategy blue-green needs a Service in the manifests whose selector matches a Deployment's pod labels; " +
            'it is what switches from one colour to the other.');
    const names = new Set(deployments.map((d) => d.metadata.name));
    const workloadObjects = objects
        .filter((o) => !services.includes(o))
        .map((o) => o.kind === 'Deployment'
        ? colorDeployment(o, color, colorLabel)
        : o.kind === 'HorizontalPodAutoscaler'
            ? colorAutoscaler(o, names, color)
            : o);
    return { workloadObjects, services, deployments: deployments.map((d) => d.metadata.name) };
}
function routesTo(service, deployments) {
    const selector = (service.spec?.selector ?? {});
    const keys = Object.entries(selector);
    if (keys.length === 0)
        return false;
    return deployments.some((d) => {
        const labels = (0,manifests.podTemplateOf)(d)?.metadata?.labels ?? {};
        return keys.every(([k, v]) => labels[k] === v);
    });
}
function colorDeployment(deployment, color, colorLabel) {
    const copy = structuredClone(deployment);
    copy.metadata = {
        ...copy.metadata,
        name: coloredName(deployment.metadata.name, color),
        labels: { ...copy.metadata.labels, [colorLabel]: color }
    };
    const spec = copy.spec;
    spec.selector = { ...spec.selector, matchLabels: { ...spec.selector?.matchLabels, [colorLabel]: color } };
    spec.template = {
        ...spec.template,
        metadata: { ...spec.template?.metadata, labels: { ...spec.template?.metadata?.labels, [colorLabel]: color } }
    };
    return copy;
}
/** An autoscaler of a coloured Deployment scales that colour (each colour gets its own). */
function colorAutoscaler(hpa, deployments, color) {
    const target = hpa.spec?.scaleTargetRef;
    if (target?.kind !== 'Deployment' || !target.name || !deployments.has(target.name))
        return hpa;
    const copy = structuredClone(hpa);
    copy.metadata = { ...copy.metadata, name: coloredName(hpa.metadata.name, color) };
    copy.spec = { ...copy.spec, scaleTargetRef: { ...target, name: coloredName(target.name, color) } };
    return copy;
}
/** The Service with its selector pinned to a colour. */
function routeService(service, color, colorLabel) {
    const copy = structuredClone(service);
    copy.spec = { ...copy.spec, selector: { ...copy.spec?.selector, [colorLabel]: color } };
    return copy;
}
/** The colour a live Service routes to, if any. */
function liveColor(service, colorLabel) {
    const value = service?.spec?.selector?.[colorLabel];
    return value === 'blue' || value === 'green' ? value : undefined;
}

// EXTERNAL MODULE: ./.build/actions/lib/kube/kubectl.js + 1 modules
var kube_kubectl = __webpack_require__(7941);
;// CONCATENATED MODULE: ./.build/actions/lib/kube/rollout.js
/** Waiting reasons that no amount of waiting fixes on its own. */
const FATAL_WAITING_REASONS = new Set([
    'CrashLoopBackOff',
    'ErrImagePull',
    'ImagePullBackOff',
    'InvalidImageName',
    'ErrImageNeverPull',
    'CreateContainerConfigError',
    'CreateContainerError',
    'RunContainerError',
    'PreCreateHookError',
    'PostStartHookError'
]);
const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
/**
 * Remembers, across polls, when each new pod was first seen running-but-unready or unschedulable,
 * so the grace period is measured on the runner's clock (the cluster's may differ).
 */
class FirstSeen {
    seen = new Map();
    since(key, now) {
        const at = this.seen.get(key);
        if (at !== undefined)
            return at;
        this.seen.set(key, now);
        return now;
    }
    forget(key) {
        this.seen.delete(key);
    }
}
function assessWorkload(snapshot, options, memory, now) {
    const { workload } = snapshot;
    if (!workload)
        return { state: 'failed', summary: `${label(snapshot.ref)} no longer exists`, problems: [] };
    // Until the controller has seen the new spec, conditions and the revision annotation still
    // describe the previous rollout (perhaps a failed one): judge nothing yet.
    if ((workload.status?.observedGeneration ?? 0) < (workload.metadata.generation ?? 0))
        return { state: 'progressing', summary: `${label(snapshot.ref)}: waiting for the controller to see the new spec`, problems: [] };
    const newPods = newRevisionPods(snapshot);
    const problems = newPods.flatMap((pod) => podProblems(pod, options, memory, now));
    const conditionFailure = failedCondition(workload);
    const revision = revisionOf(workload);
    if (conditionFailure)
        return { state: 'failed', summary: `${label(snapshot.ref)}: ${conditionFailure}`, problems, revision };
    // podProblems reports only what is decisive: a fatal waiting reason, too many restarts, or
    // unready/unschedulable past the grace period.
    if (problems.length > 0) {
        const first = problems[0];
        return {
            state: 'failed',
            summary: `${label(snapshot.ref)}: pod ${first.pod}${first.container ? ` container ${first.container}` : ''} ${first.reason}` +
                (first.message ? ` (${first.message})` : ''),
            problems,
            revision
        };
    }
    const progress = progressOf(workload);
    const notReplaced = progress.done ? progress.notReplaced : undefined;
    return {
        state: progress.done ? 'ready' : 'progressing',
        summary: `${label(snapshot.ref)}: ${progress.text}`,
        problems,
        revision,
        notReplaced
    };
}
function label(ref) {
    return `${ref.kind.toLowerCase()}/${ref.name}`;
}
function revisionOf(workload) {
    if (workload.kind === 'Deployment')
        return workload.metadata.annotations?.[REVISION_ANNOTATION];
    if (workload.kind === 'StatefulSet')
        return workload.status?.updateRevision;
    return workload.metadata.generation === undefined ? undefined : String(workload.metadata.generation);
}
/** The pods of the revision being rolled out (not the old ones being replaced). */
function newRevisionPods(snapshot) {
    const { workload, pods } = snapshot;
    if (!workload)
        return [];
    const live = pods.filter((p) => !p.metadata.deletionTimestamp);
    if (workload.kind === 'Deployment') {
        const revision = workload.metadata.annotations?.[REVISION_ANNOTATION];
        const owned = snapshot.replicaSets.filter((rs) => rs.metadata.ownerReferences?.some((o) => o.uid === workload.metadata.uid));
        const current = owned.find((rs) => rs.metadata.annotations?.[REVISION_ANNOTATION] === revision);
        if (!current)
            return [];
        return live.filter((p) => p.metadata.ownerReferences?.some((o) => o.uid === current.metadata.uid));
    }
    const owned = live.filter((p) => p.metadata.ownerReferences?.some((o) => o.uid === workload.metadata.uid));
    if (workload.kind === 'StatefulSet')
        return owned.filter((p) => p.metadata.labels?.['controller-revision-hash'] === workload.status?.updateRevision);
    return owned.filter((p) => p.metadata.labels?.['pod-template-generation'] === String(workload.metadata.generation));
}
function podProblems(pod, options, memory, now) {
    const out = [];
    const name = pod.metadata.name;
    const key = pod.metadata.uid ?? name;
    const initNames = new Set((pod.status?.initContainerStatuses ?? []).map((s) => s.name));
    for (const status of [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])]) {
        const waiting = status.state?.waiting;
        const last = status.lastState?.terminated ?? status.state?.terminated;
        const lastExit = last
            ? `exit ${last.exitCode}${last.reason ? ` ${last.reason}` : ''}${last.message ? `: ${last.message}` : ''}`
            : undefined;
        const exited = crashedBeforeReady(status, initNames.has(status.name), pod.spec?.restartPolicy);
        if (waiting?.reason && FATAL_WAITING_REASONS.has(waiting.reason)) {
            out.push({
                pod: name,
                container: status.name,
                reason: waiting.reason,
                message: waiting.message,
                restarts: status.restartCount,
                lastExit
            });
        }
        else if (exited) {
            // The first exit decides: a container that ends while not ready goes on to CrashLoopBackOff,
            // which the kubelet reports only after its next exit.
            out.push({
                pod: name,
                container: status.name,
                reason: 'Crashed',
                message: `exited with code ${exited.exitCode}${exited.reason ? ` (${exited.reason})` : ''} and is not ready`,
                restarts: status.restartCount,
                lastExit
            });
        }
        else if (status.restartCount >= options.maxRestarts && options.maxRestarts > 0) {
            out.push({
                pod: name,
                container: status.name,
                reason: 'Restarting',
                message: `restarted ${status.restartCount} times (max-restarts ${options.maxRestarts})`,
                restarts: status.restartCount,
                lastExit
            });
        }
    }
    const scheduled = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
    if (scheduled?.status === 'False' && scheduled.reason === 'Unschedulable') {
        const waited = (now - memory.since(`${key}/unschedulable`, now)) / 1000;
        if (waited >= options.readinessGrace)
            out.push({ pod: name, reason: 'Unschedulable', message: `for ${Math.round(waited)}s: ${scheduled.message ?? ''}`.trim() });
    }
    const running = pod.status?.phase === 'Running';
    const ready = pod.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True';
    if (running && !ready && out.length === 0) {
        const waited = (now - memory.since(`${key}/unready`, now)) / 1000;
        const notReady = (pod.status?.containerStatuses ?? []).filter((c) => !c.ready).map((c) => c.name);
        if (waited >= options.readinessGrace)
            out.push({
                pod: name,
                container: notReady.join(', ') || undefined,
                reason: 'NotReady',
                message: `not Ready for ${Math.round(waited)}s (readiness-grace ${options.readinessGrace}s): readiness probe failing`
            });
    }
    else if (ready)
        memory.forget(`${key}/unready`);
    return out;
}
/**
 * The termination of a container of a new pod that ended and is not ready (again), or undefined.
 * Takes one container status (the pod's `status.containerStatuses[]` or `initContainerStatuses[]`
 * entry), whether it is an init container, and the pod's `spec.restartPolicy` (default Always).
 * An init container counts only with a non-zero exit code (exit 0 is how it completes); an app
 * container under restartPolicy Always counts with any exit, 0 included (it is restarted all the
 * same). A container that was ready once and restarts later is max-restarts' business.
 */
function crashedBeforeReady(status, init, restartPolicy = 'Always') {
    if (status.ready)
        return undefined;
    const current = status.state?.terminated;
    const previous = status.lastState?.terminated;
    // The previous run counts while the container has not become ready since: waiting for its
    // restart, or running again but not ready yet (a crash-looping container spends most of its
    // time between the two).
    const ended = current ?? (previous && (status.state?.waiting || status.started !== true) ? previous : undefined);
    if (!ended)
        return undefined;
    if (ended.exitCode !== 0)
        return ended;
    return !init && restartPolicy === 'Always' ? ended : undefined;
}
function failedCondition(workload) {
    for (const c of workload.status?.conditions ?? []) {
        if (c.type === 'Progressing' && c.status === 'False' && c.reason === 'ProgressDeadlineExceeded')
            return `ProgressDeadlineExceeded (${c.message ?? 'progress deadline exceeded'})`;
        if (c.type === 'ReplicaFailure' && c.status === 'True')
            return `ReplicaFailure ${c.reason ?? ''}: ${c.message ?? ''}`.trim();
    }
    return undefined;
}
/**
 * Whether a workload has rolled out: `kubectl rollout status`'s rules for a RollingUpdate. Where the
 * workload's own rules leave pods on the previous template (StatefulSet or DaemonSet updateStrategy
 * OnDelete, a StatefulSet partition, a paused Deployment), it is done once its pods are ready, and
 * `notReplaced` says which pods still run the previous template and why: applied, not rolled out.
 */
function progressOf(workload) {
    const s = workload.status ?? {};
    const generationSeen = (s.observedGeneration ?? 0) >= (workload.metadata.generation ?? 0);
    if (!generationSeen)
        return { done: false, text: 'waiting for the controller to see the new spec' };
    const onDelete = workload.spec.updateStrategy?.type === 'OnDelete';
    if (workload.kind === 'Deployment') {
        const want = workload.spec.replicas ?? 1;
        const updated = s.updatedReplicas ?? 0;
        const total = s.replicas ?? 0;
        const available = s.availableReplicas ?? 0;
        if (workload.spec.paused) {
            const text = `${available}/${want} replicas available`;
            return {
                done: true,
                text,
                notReplaced: 'the Deployment is paused (spec.paused): its pods are not replaced until it is resumed (kubectl rollout resume)'
            };
        }
        if (updated < want)
            return { done: false, text: `${updated} of ${want} new replicas updated` };
        if (total > updated)
            return { done: false, text: `${total - updated} old replicas pending termination` };
        if (available < updated)
            return { done: false, text: `${available} of ${updated} updated replicas available` };
        return { done: true, text: `${available}/${want} replicas available` };
    }
    if (workload.kind === 'StatefulSet') {
        const want = workload.spec.replicas ?? 1;
        const ready = s.readyReplicas ?? 0;
        const updated = s.updatedReplicas ?? 0;
        const partition = workload.spec.updateStrategy?.rollingUpdate?.partition ?? 0;
        if (ready < want)
            return { done: false, text: `${ready} of ${want} pods ready` };
        if (onDelete) {
            const old = Math.max(0, want - updated);
            const notReplaced = old > 0
                ? `${old} of ${want} pod(s) still run the previous template (updateStrategy OnDelete: a pod is replaced only when it is deleted)`
                : undefined;
            return { done: true, text: `${ready}/${want} pods ready${old > 0 ? `, ${old} on the previous template` : ''}`, notReplaced };
        }
        if (partition > 0) {
            if (updated < want - partition)
                return { done: false, text: `${updated} of ${want - partition} pods updated` };
            const old = Math.min(partition, want);
            const changed = s.updateRevision !== undefined && s.updateRevision !== s.currentRevision;
            const notReplaced = changed && old > 0
                ? `${old} pod(s) below the partition keep the previous template (rollingUpdate.partition ${partition})`
                : undefined;
            return { done: true, text: `partitioned roll out complete (${updated} updated)`, notReplaced };
        }
        if (s.updateRevision !== s.currentRevision)
            return { done: false, text: `${updated} of ${want} pods updated` };
        return { done: true, text: `${ready}/${want} pods ready` };
    }
    const want = s.desiredNumberScheduled ?? 0;
    const updated = s.updatedNumberScheduled ?? 0;
    const available = s.numberAvailable ?? 0;
    if (onDelete) {
        if (available < want)
            return { done: false, text: `${available} of ${want} pods available` };
        const old = Math.max(0, want - updated);
        const notReplaced = old > 0
            ? `${old} of ${want} pod(s) still run the previous template (updateStrategy OnDelete: a pod is replaced only when it is deleted)`
            : undefined;
        return { done: true, text: `${available}/${want} pods available${old > 0 ? `, ${old} on the previous template` : ''}`, notReplaced };
    }
    if (updated < want)
        return { done: false, text: `${updated} of ${want} pods updated` };
    if (available < want)
        return { done: false, text: `${available} of ${want} updated pods available` };
    return { done: true, text: `${available}/${want} pods available` };
}
/** A label selector in kubectl's `-l` syntax. */
function selectorString(selector) {
    const parts = Object.entries(selector.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
    for (const e of selector.matchExpressions ?? []) {
        if (e.operator === 'In')
            parts.push(`${e.key} in (${(e.values ?? []).join(',')})`);
        else if (e.operator === 'NotIn')
            parts.push(`${e.key} notin (${(e.values ?? []).join(',')})`);
        else if (e.operator === 'Exists')
            parts.push(e.key);
        else
            parts.push(`!${e.key}`);
    }
    return parts.join(',');
}

;// CONCATENATED MODULE: ./.build/actions/lib/kube/watch.js
// Poll the API until every workload has rolled out, one of them is broken, or time runs out.
// A short API outage is waited out; a long one, or refused credentials, fails the watch: a
// rollout nobody could observe is never reported as done.



const realClock = { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };
/** The workload, its ReplicaSets (Deployments) and pods, as the API server reports them now. */
async function snapshotWorkload(kubectl, ref) {
    const workload = await kubectl.getOrNull(ref.kind.toLowerCase(), ref.name, ref.namespace);
    if (!workload)
        return { ref, workload: null, replicaSets: [], pods: [] };
    const selector = selectorString(workload.spec.selector);
    const kinds = ref.kind === 'Deployment' ? 'replicasets,pods' : 'pods';
    const { items } = await kubectl.json(['get', kinds, '-n', ref.namespace, '-l', selector], `listing the pods of ${(0,manifests.describeWorkload)(ref)}`);
    return {
        ref,
        workload: { ...workload, kind: ref.kind },
        replicaSets: items.filter((i) => i.kind === 'ReplicaSet'),
        pods: items.filter((i) => i.kind === 'Pod')
    };
}
/**
 * Poll until every workload is ready (WatchResult.state 'ready', with the workloads whose pods stay
 * on the previous template by their own rules), one is broken, the timeout passes, or the API
 * server stays away longer than apiGraceSeconds ('failed', with the reason in one line).
 */
async function watchRollout(kubectl, refs, options, progress, clock = realClock) {
    // Pod changes wake the poll at once (a container exit reaches the API server about a second after
    // it happens; waiting out the poll interval on top of that would double the time to detect it).
    const wake = new Wakeup(clock);
    const stopWatches = new Map();
    try {
        return await pollRollout(kubectl, refs, options, progress, clock, wake, stopWatches);
    }
    finally {
        for (const stop of stopWatches.values())
            stop();
    }
}
async function pollRollout(kubectl, refs, options, progress, clock, wake, stopWatches) {
    const started = clock.now();
    const memory = new FirstSeen();
    let apiDownSince;
    let lastProgress = '';
    let assessments = [];
    const seconds = () => Math.round((clock.now() - started) / 100) / 10;
    for (;;) {
        try {
            const snapshots = await Promise.all(refs.map((ref) => snapshotWorkload(kubectl, ref)));
            for (const s of snapshots) {
                const key = (0,manifests.describeWorkload)(s.ref);
                if (s.workload && !stopWatches.has(key))
                    stopWatches.set(key, kubectl.watchChanges('pods', s.ref.namespace, selectorString(s.workload.spec.selector), () => wake.notify()));
            }
            apiDownSince = undefined;
            const now = clock.now();
            assessments = snapshots.map((s) => ({ ref: s.ref, assessment: assessWorkload(s, options, memory, now) }));
        }
        catch (error) {
            if (!(error instanceof kube_kubectl/* KubectlError */.xi))
                throw error;
            if (error.kind === 'credentials')
                return {
                    state: 'failed',
                    reason: `the cluster refused the credentials while watching the rollout: ${error.message}`,
                    apiFailure: 'credentials',
                    problems: [],
                    assessments,
                    notReplaced: [],
                    seconds: seconds()
                };
            if (error.kind !== 'unreachable')
                throw error;
            apiDownSince ??= clock.now();
            const down = (clock.now() - apiDownSince) / 1000;
            progress(`API server not answering (${Math.round(down)}s): ${error.message.split('\n')[0]}`);
            if (down >= options.apiGraceSeconds) {
                return {
                    state: 'failed',
                    reason: `the API server stopped answering during the rollout (${Math.round(down)}s without an answer); ` +
                        `its state is unknown: ${error.message.split('\n')[0]}`,
                    apiFailure: 'unreachable',
                    problems: [],
                    assessments,
                    notReplaced: [],
                    seconds: seconds()
                };
            }
            await clock.sleep(options.pollMs);
            continue;
        }
        const failed = assessments.find((a) => a.assessment.state === 'failed');
        const problems = assessments.flatMap((a) => a.assessment.problems.map((p) => ({ ...p, workload: (0,manifests.describeWorkload)(a.ref) })));
        if (failed)
            return { state: 'failed', reason: failed.assessment.summary, problems, assessments, notReplaced: [], seconds: seconds() };
        if (assessments.every((a) => a.assessment.state === 'ready')) {
            const notReplaced = assessments.flatMap((a) => a.assessment.notReplaced ? [{ workload: (0,manifests.describeWorkload)(a.ref), detail: a.assessment.notReplaced }] : []);
            return { state: 'ready', reason: 'rolled out', problems, assessments, notReplaced, seconds: seconds() };
        }
        const line = assessments.map((a) => a.assessment.summary).join('; ');
        if (line !== lastProgress)
            progress(line);
        lastProgress = line;
        if ((clock.now() - started) / 1000 >= options.timeoutSeconds) {
            const reason = `not rolled out within the timeout of ${options.timeoutSeconds}s: ${line}`;
            return { state: 'failed', reason, problems, assessments, notReplaced: [], seconds: seconds() };
        }
        await wake.sleep(options.pollMs);
    }
}
/**
 * A poll interval that a change cuts short: sleep(ms) resolves after ms, or as soon as notify() is
 * called (a change during the previous poll counts too), but never sooner than MIN_POLL_MS after
 * the last wake, so a burst of changes costs one poll.
 */
class Wakeup {
    clock;
    static MIN_POLL_MS = 150;
    pending = false;
    resolve;
    constructor(clock) {
        this.clock = clock;
    }
    notify() {
        this.pending = true;
        this.resolve?.();
    }
    async sleep(ms) {
        if (!this.pending) {
            await new Promise((resolve) => {
                this.resolve = resolve;
                void this.clock.sleep(ms).then(resolve);
            });
            this.resolve = undefined;
        }
        if (this.pending) {
            this.pending = false;
            await this.clock.sleep(Wakeup.MIN_POLL_MS);
        }
    }
}
/** Warning events of the given pods, newest last: "reason: message (xN)". */
async function podWarnings(kubectl, namespace, pods, limit = 5) {
    const out = new Map();
    await Promise.all([...new Set(pods)].slice(0, 10).map(async (pod) => {
        const result = await kubectl.tryRun([
            'get',
            'events',
            '-n',
            namespace,
            '--field-selector',
            `involvedObject.name=${pod},type=Warning`,
            '-o',
            'json'
        ]);
        if (result.exitCode !== 0)
            return;
        const events = JSON.parse(result.stdout).items;
        events.sort((a, b) => String(a.lastTimestamp ?? a.eventTime).localeCompare(String(b.lastTimestamp ?? b.eventTime)));
        out.set(pod, events.slice(-limit).map((e) => `${e.reason ?? 'Warning'}: ${e.message ?? ''}${(e.count ?? 1) > 1 ? ` (x${e.count})` : ''}`));
    }));
    return out;
}

;// CONCATENATED MODULE: ./.build/actions/lib/kube/known-good.js
// The known-good state of every object a deploy may change, read before it changes anything, and
// put back when the deploy fails: a workload gets its recorded pod template and replica count (a new
// revision, as `kubectl rollout undo` makes), any other object its recorded copy, and an object the
// deploy created is deleted. Namespaces and CustomResourceDefinitions the deploy created are kept:
// deleting them would delete everything in them, and a retry right after would meet a namespace
// still terminating.





const CONCURRENCY = 6;
/** Run `fn` over the items, at most CONCURRENCY at a time, keeping their order in the result. */
async function mapLimited(items, fn) {
    const out = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const at = next++;
            out[at] = await fn(items[at]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
    return out;
}
/** The recorded state of a set of objects; see the file comment for what restore() does. */
class KnownGood {
    records;
    constructor(records) {
        this.records = records;
    }
    /**
     * Read the live copy of each object (in `namespace` when it names none). Throws when one cannot
     * be read: a deploy that could not record what it would change must not change it.
     */
    static async record(kubectl, objects, namespace) {
        const records = await mapLimited(objects, async (object) => {
            const ns = (0,manifests.namespaceOf)(object, namespace);
            const live = await kubectl.getObject(object.apiVersion, object.kind, object.metadata.name, ns, `recording ${(0,manifests.describeObject)(object)}`);
            return { object, namespace: ns, live };
        });
        return new KnownGood(records);
    }
    /** Whether the object did not exist before the deploy. */
    isNew(object) {
        return this.find(object)?.live === null;
    }
    find(object) {
        const same = (r) => r.object.kind === object.kind &&
            r.object.apiVersion === object.apiVersion &&
            r.object.metadata.name === object.metadata.name &&
            r.object.metadata.namespace === object.metadata.namespace;
        return this.records.find((r) => r.object === object) ?? this.records.find(same);
    }
    /** The recorded revision and images of each workload among the objects. */
    workloads() {
        return this.records.filter((r) => (0,manifests.isWorkload)(r.object)).map((r) => workloadState(refOf(r), r.live));
    }
    /**
     * Put every recorded object back (see the file comment), noting one line per object changed.
     * Services go first (traffic), then other objects (configuration the restored pods read), then
     * workloads, then what the deploy created, newest first. Returns the workloads to wait for.
     * Throws on the first object that cannot be restored; the lines noted so far say what was done.
     */
    async restore(kubectl, note) {
        const existed = this.records.filter((r) => r.live !== null);
        const isService = (r) => r.object.kind === 'Service' && r.object.apiVersion === 'v1';
        const ordered = [
            ...existed.filter(isService),
            ...existed.filter((r) => !isService(r) && !(0,manifests.isWorkload)(r.object)),
            ...existed.filter((r) => (0,manifests.isWorkload)(r.object))
        ];
        const wait = [];
        for (const record of ordered) {
            if ((0,manifests.isWorkload)(record.object)) {
                await restoreWorkload(kubectl, record, note);
                wait.push(refOf(record));
            }
            else
                await restoreObject(kubectl, record, note);
        }
        for (const record of [...this.records].reverse().filter((r) => r.live === null))
            await removeCreated(kubectl, record, note);
        return wait;
    }
}
function refOf(record) {
    return { kind: record.object.kind, name: record.object.metadata.name, namespace: record.namespace };
}
/** A workload's state from its live copy (null: it does not exist). */
function workloadState(ref, live) {
    if (!live)
        return { ref, exists: false, images: [] };
    return { ref, exists: true, revision: revisionOf({ ...live, kind: ref.kind }), images: (0,manifests.containerImages)((0,manifests.podTemplateOf)(live)) };
}
/** The current state of each workload. */
async function workloadStates(kubectl, refs) {
    return mapLimited(refs, async (ref) => workloadState(ref, await kubectl.getOrNull(ref.kind.toLowerCase(), ref.name, ref.namespace)));
}
/** One revision for one workload, else `kind/name=revision,...`. */
function revisionsText(states) {
    if (states.length === 1)
        return states[0].revision ?? '';
    return states.map((s) => `${(0,manifests.describeWorkload)(s.ref)}=${s.revision ?? ''}`).join(',');
}
/** The object as it can be written back: no server-set identity, version or status. */
function writable(live, resourceVersion) {
    const copy = structuredClone(live);
    const { uid: _uid, resourceVersion: _rv, creationTimestamp: _created, generation: _generation, managedFields: _managed, selfLink: _self, ...metadata } = copy.metadata;
    delete copy.status;
    return { ...copy, metadata: { ...metadata, ...(resourceVersion ? { resourceVersion } : {}) } };
}
async function restoreWorkload(kubectl, record, note) {
    const live = record.live;
    const ref = refOf(record);
    const label = (0,manifests.describeWorkload)(ref);
    const target = `${ref.kind.toLowerCase()}/${ref.name}`;
    const patch = [{ op: 'replace', path: '/spec/template', value: live.spec.template }];
    if (live.spec.replicas !== undefined)
        patch.push({ op: 'replace', path: '/spec/replicas', value: live.spec.replicas });
    const args = ['patch', target, '-n', ref.namespace, '--type=json', '-p', JSON.stringify(patch)];
    const result = await kubectl.tryRun(args);
    if (result.exitCode !== 0) {
        if ((0,kube_kubectl/* classifyFailure */.XE)(result.stderr) !== 'not-found')
            throw kubectl.failure(args, result, `restoring ${label}`);
        await kubectl.run(['create', '-f', '-', '-o', 'name'], { input: JSON.stringify(writable(live)), what: `re-creating ${label}` });
        note(`${label}: re-created as recorded (it was deleted during the deploy)`);
        return;
    }
    if (/\(no change\)/.test(result.stdout))
        return;
    if (ref.kind === 'StatefulSet')
        await recreateBrokenStatefulSetPods(kubectl, ref);
    const state = workloadState(ref, live);
    note(`${label}: pod template of revision ${state.revision ?? '?'} restored (${state.images.join(', ')})`);
}
async function restoreObject(kubectl, record, note) {
    const recorded = record.live;
    const label = (0,manifests.describeObject)(record.object);
    const now = await kubectl.getObject(record.object.apiVersion, record.object.kind, record.object.metadata.name, record.namespace, `reading ${label}`);
    if (now && now.metadata.resourceVersion === recorded.metadata.resourceVersion)
        return;
    if (!now) {
        await kubectl.run(['create', '-f', '-', '-o', 'name'], { input: JSON.stringify(writable(recorded)), what: `re-creating ${label}` });
        note(`${label}: re-created as recorded`);
        return;
    }
    // An update on the version just read: some kinds refuse an unconditional one.
    await kubectl.run(['replace', '-f', '-', '-o', 'name'], {
        input: JSON.stringify(writable(recorded, now.metadata.resourceVersion)),
        what: `restoring ${label}`
    });
    note(`${label}: restored as recorded`);
}
async function removeCreated(kubectl, record, note) {
    const { object } = record;
    const label = (0,manifests.describeObject)(object);
    if (isNamespace(object) || isCrd(object)) {
        const exists = await kubectl.getObject(object.apiVersion, object.kind, object.metadata.name, record.namespace, `reading ${label}`);
        if (exists)
            note(`${label}: kept (created by this deploy; deleting it would delete everything ${isNamespace(object) ? 'in it' : 'of its kind'})`);
        return;
    }
    const args = [
        'delete',
        `${(0,kube_kubectl/* resourceArg */.j6)(object.apiVersion, object.kind)}/${object.metadata.name}`,
        '-n',
        record.namespace,
        '--ignore-not-found',
        '--wait=false',
        '-o',
        'name'
    ];
    const result = await kubectl.tryRun(args);
    // A custom resource whose CRD never came: there is nothing to delete.
    if (result.exitCode !== 0 && (0,kube_kubectl/* classifyFailure */.XE)(result.stderr) === 'unknown-kind')
        return;
    if (result.exitCode !== 0)
        throw kubectl.failure(args, result, `deleting ${label}`);
    if (result.stdout.trim())
        note(`${label}: removed (it did not exist before this deploy)`);
}
/**
 * A StatefulSet with OrderedReady pods does not replace a pod that never became Ready, even once
 * its template is restored; the broken pods must go for the controller to recreate them.
 */
async function recreateBrokenStatefulSetPods(kubectl, ref) {
    const snapshot = await snapshotWorkload(kubectl, ref);
    const broken = snapshot.pods
        .filter((p) => p.status?.conditions?.find((c) => c.type === 'Ready')?.status !== 'True')
        .map((p) => `pod/${p.metadata.name}`);
    if (broken.length)
        await kubectl.run(['delete', ...broken, '-n', ref.namespace, '--wait=false'], {
            what: `recreating the broken pods of ${(0,manifests.describeWorkload)(ref)}`
        });
}

;// CONCATENATED MODULE: ./.build/actions/lib/kube/strategies/strategy.js
// What the deploy runner (../deploy.ts) asks of a strategy (rolling, helm, blue-green): record the
// known-good state, change the cluster, prove the change, put the recorded state back, and say what
// runs now. The runner owns the outcome, the timing and the decision to roll back; a strategy knows
// only its own objects and how to restore them.



/** A deploy that the cluster proved bad (rollout, health, switch): its reason is one line for the outputs. */
class DeployFailure extends user_error/* UserError */.yo {
    reason;
    details;
    /**
     * reason: one line, why the deploy failed. details: work still gathering what the summary shows
     * about the failure (the failed pods' events), awaited after the rollback so it never delays it.
     */
    constructor(reason, details) {
        super(reason);
        this.reason = reason;
        this.details = details;
    }
}
/** The apply options every manifest strategy uses: new objects known from the recorded state. */
function applyOptions(ctx, known) {
    return {
        namespace: ctx.settings.namespace,
        dryRun: ctx.settings.dryRun,
        isNew: (o) => known.isNew(o),
        establishSeconds: Math.min(60, ctx.settings.watch.timeoutSeconds)
    };
}
/** The dry run's reason: what the API server accepted, and what it could not check. */
function dryRunReason(result, subject) {
    const skipped = result.notValidated.length;
    const accepted = skipped ? `${result.applied.length} object(s)` : 'every object';
    const note = skipped ? `; not validated, as they need a Namespace or CRD this deploy would create: ${result.notValidated.join(', ')}` : '';
    return `server-side dry run${subject ? ` of ${subject}` : ''}: the API server accepted ${accepted}; nothing changed${note}`;
}
/**
 * The success reason for a set of workloads: which rolled out, which were applied with their pods
 * left on the previous template by their own rules (OnDelete, a partition, paused), and the health
 * analysis when one ran.
 */
function provenText(refs, watch, health) {
    const checked = health !== undefined && hasHealthChecks(health);
    if (refs.length === 0)
        return `applied (no Deployment, StatefulSet or DaemonSet to watch)${checked ? ' and passed the health analysis' : ''}`;
    const notReplaced = watch?.notReplaced ?? [];
    const rolled = refs.map(manifests.describeWorkload).filter((w) => !notReplaced.some((n) => n.workload === w));
    const parts = [
        ...(rolled.length ? [`${rolled.join(', ')} rolled out`] : []),
        ...notReplaced.map((n) => `${n.workload} applied, pods not replaced: ${n.detail}`)
    ];
    if (!checked)
        return parts.join('; ');
    return notReplaced.length ? `${parts.join('; ')}; the health analysis passed` : `${parts[0]} and passed the health analysis`;
}

;// CONCATENATED MODULE: ./.build/actions/lib/kube/strategies/blue-green.js
// The blue-green strategy: the idle colour's Deployments come up beside the live ones, are proven
// (the preview check), and only then do the Services switch to them (the health check after it).
// The known-good state is the idle colour as it was, every other object in the manifests, the
// Services (routing to the live colour, or absent) and the live colour's Deployments (a later scale
// down), so restoring it switches the Services back and returns the idle colour to what it was.






const REPLICAS_ANNOTATION = 'sgw.dev/replicas-before-scale-down';
/** A blue-green deploy of the given manifests; throws a UserError when an image override names no container. */
function blueGreenStrategy(ctx, source) {
    const { kubectl, settings, report, clock, outcome } = ctx;
    const objects = structuredClone(source.objects);
    outcome.images = (0,manifests.applyImageOverrides)(objects, settings.images, 'images');
    let p;
    let known = new KnownGood([]);
    let switched = false;
    let restored = false;
    const planned = () => {
        if (!p)
            throw new Error('blue-green: used before record()');
        return p;
    };
    return {
        async record() {
            p = await planColors(kubectl, objects, settings.namespace, settings.colorLabel);
            const { live, idle, refs, liveRefs, toApply, routes } = p;
            outcome.blueGreen = { live, idle, switched: false, switchedBack: false, previousKept: settings.keepPrevious };
            report.info(live ? `Blue-green: ${live} is live; deploying ${idle} beside it` : `Blue-green: no colour is live yet; deploying ${idle}`);
            const liveObjects = liveRefs.map((r) => ({
                apiVersion: 'apps/v1',
                kind: 'Deployment',
                metadata: { name: r.name, namespace: r.namespace }
            }));
            const newRoutes = routes.filter((r) => !toApply.some((o) => o.kind === 'Service' && o.metadata.name === r.metadata.name && o.metadata.namespace === r.metadata.namespace));
            known = await KnownGood.record(kubectl, [...toApply, ...newRoutes, ...liveObjects], settings.namespace);
            const states = known.workloads();
            const idleStates = states.filter((s) => refs.some((r) => r.name === s.ref.name && r.namespace === s.ref.namespace));
            const liveStates = states.filter((s) => liveRefs.some((r) => r.name === s.ref.name && r.namespace === s.ref.namespace));
            return { revision: live ? `${live}:${revisionsText(liveStates)}` : '', workloads: idleStates };
        },
        async apply() {
            const { idle, plan, refs, toApply } = planned();
            const result = await applyObjects(kubectl, toApply, applyOptions(ctx, known), report, clock);
            if (settings.dryRun)
                return dryRunReason(result, `the ${idle} colour`);
            await restoreScaledDown(kubectl, plan.workloadObjects, refs, report);
            return undefined;
        },
        async prove() {
            const { live, idle, refs, liveRefs, routes } = planned();
            await ctx.prove(refs, settings.preview, `${idle} before the switch`);
            try {
                await applyObjects(kubectl, routes, { ...applyOptions(ctx, known), dryRun: false }, report, clock);
            }
            catch (error) {
                throw new DeployFailure(`switching the Service to ${idle} failed: ${(0,user_error/* messageOf */.bD)(error).split('\n')[0]}`);
            }
            finally {
                // Even a failed switch may have moved some Services: restore() puts them all back.
                switched = true;
            }
            if (outcome.blueGreen)
                outcome.blueGreen.switched = true;
            report.info(`Switched ${routes.map((s) => `service/${s.metadata.name}`).join(', ')} to ${idle}`);
            // The health check after the switch must meet the new colour, not the old one still in the
            // Service's endpoints until the endpoint controller catches up.
            for (const line of await waitForEndpoints(kubectl, routes, settings.namespace, clock))
                report.warning(line);
            await ctx.prove([], settings.health, `${idle} after the switch`);
            if (live && !settings.keepPrevious)
                await scaleDown(kubectl, liveRefs, report);
            return `${idle} is live${live ? ` (${live} ${settings.keepPrevious ? 'kept for a fast switch back' : 'scaled to zero'})` : ''}`;
        },
        async restore(note) {
            const { live } = planned();
            restored = true;
            const back = switched && live !== undefined;
            const wait = await known.restore(kubectl, (line) => note(back && /^service\/.*: restored as recorded$/.test(line) ? line.replace('restored as recorded', `switched back to ${live}`) : line));
            if (back && outcome.blueGreen)
                outcome.blueGreen.switchedBack = true;
            return wait;
        },
        async now() {
            const { live, idle, refs, liveRefs } = planned();
            const idleStates = await workloadStates(kubectl, refs);
            const color = restored ? live : idle;
            if (!color)
                return { revision: '', workloads: idleStates };
            const colorStates = color === idle ? idleStates : await workloadStates(kubectl, liveRefs);
            return { revision: `${color}:${revisionsText(colorStates)}`, workloads: idleStates };
        }
    };
}
/** Which colour is live (from the Services as they are now), and the objects for the idle one. */
async function planColors(kubectl, objects, namespace, colorLabel) {
    const probe = planBlueGreen(objects, 'blue', colorLabel).services;
    const liveServices = await Promise.all(probe.map((s) => kubectl.getOrNull('service', s.metadata.name, (0,manifests.namespaceOf)(s, namespace))));
    // A Service that does not exist yet routes nowhere: it is created at the switch, and has no say.
    const colors = [...new Set(liveServices.flatMap((s) => (s === null ? [] : [liveColor(s, colorLabel)])))];
    if (colors.length > 1) {
        const names = probe.map((s) => s.metadata.name).join(', ');
        throw new user_error/* UserError */.yo(`The Services ${names} route to different colours (${colors.map((c) => c ?? 'none').join(', ')}); ` +
            'switch them to one colour first (kube-rollback with service).');
    }
    const live = colors[0];
    const idle = live ? otherColor(live) : 'blue';
    const plan = planBlueGreen(objects, idle, colorLabel);
    const deployments = objects.filter((o) => o.kind === 'Deployment');
    const liveRefs = live
        ? deployments.map((d) => ({ kind: 'Deployment', name: coloredName(d.metadata.name, live), namespace: (0,manifests.namespaceOf)(d, namespace) }))
        : [];
    // Services that exist keep routing to the live colour while the idle one comes up; new ones are
    // created at the switch, so nothing routes to pods that are not proven yet.
    const keepRouting = plan.services.filter((_, i) => liveServices[i] !== null).map((s) => routeService(s, live ?? idle, colorLabel));
    return {
        live,
        idle,
        plan,
        refs: (0,manifests.workloadsOf)(plan.workloadObjects, namespace),
        liveRefs,
        toApply: [...plan.workloadObjects, ...keepRouting],
        routes: plan.services.map((s) => routeService(s, idle, colorLabel))
    };
}
/**
 * A colour scaled to zero by an earlier deploy stays at zero when its manifest leaves `replicas`
 * out (apply does not touch a field it never set, e.g. when an autoscaler owns it); bring it back
 * to the count it had.
 */
async function restoreScaledDown(kubectl, objects, refs, report) {
    for (const ref of refs) {
        const manifest = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === ref.name);
        if (manifest?.spec?.replicas !== undefined)
            continue;
        const live = await kubectl.getOrNull('deployment', ref.name, ref.namespace);
        if (!live || (live.spec.replicas ?? 1) > 0)
            continue;
        const replicas = Number(live.metadata.annotations?.[REPLICAS_ANNOTATION] ?? '1') || 1;
        await kubectl.run(['scale', `deployment/${ref.name}`, '-n', ref.namespace, `--replicas=${replicas}`], {
            what: `scaling deployment/${ref.name} up`
        });
        report.info(`deployment/${ref.name} was scaled to zero; scaled back to ${replicas}`);
    }
}
/**
 * Waits until each switched Service's EndpointSlices (label kubernetes.io/service-name) list as
 * ready exactly the Ready pods its new selector matches (at least one), polling every 250 ms for
 * at most timeoutMs. Returns one warning line per Service that did not get there in time, or whose
 * state could not be read; never throws: the health check after the switch still runs.
 */
async function waitForEndpoints(kubectl, services, namespace, clock, timeoutMs = 30_000) {
    const warnings = [];
    for (const service of services) {
        const ns = (0,manifests.namespaceOf)(service, namespace);
        const selector = service.spec?.selector ?? {};
        const labels = Object.entries(selector)
            .map(([k, v]) => `${k}=${v}`)
            .join(',');
        if (!labels)
            continue;
        const started = clock.now();
        let last = '';
        for (;;) {
            try {
                const [slices, pods] = await Promise.all([
                    kubectl.json(['get', 'endpointslices', '-n', ns, '-l', `kubernetes.io/service-name=${service.metadata.name}`]),
                    kubectl.json(['get', 'pods', '-n', ns, '-l', labels])
                ]);
                const ready = new Set(pods.items
                    .filter((p) => !p.metadata.deletionTimestamp && p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'))
                    .map((p) => p.metadata.name));
                const routed = new Set(slices.items.flatMap((s) => (s.endpoints ?? []).filter((e) => e.conditions?.ready !== false && e.targetRef?.kind === 'Pod').map((e) => e.targetRef?.name ?? '')));
                if (ready.size > 0 && ready.size === routed.size && [...ready].every((n) => routed.has(n)))
                    break;
                last = `${routed.size} endpoint(s) routed, ${ready.size} ready pod(s) of the new colour`;
            }
            catch (error) {
                warnings.push(`service/${service.metadata.name}: could not read its endpoints (${(0,user_error/* messageOf */.bD)(error).split('\n')[0]}); health checks may still reach the previous colour`);
                break;
            }
            if (clock.now() - started >= timeoutMs) {
                warnings.push(`service/${service.metadata.name}: endpoints not on the new colour after ${Math.round(timeoutMs / 1000)}s (${last})`);
                break;
            }
            await clock.sleep(250);
        }
    }
    return warnings;
}
/** Scale Deployments to zero, remembering their replica count (an annotation) for a later switch back. */
async function scaleDown(kubectl, refs, report) {
    for (const ref of refs) {
        const live = await kubectl.getOrNull('deployment', ref.name, ref.namespace);
        if (!live)
            continue;
        const replicas = live.spec.replicas ?? 1;
        const target = `deployment/${ref.name}`;
        if (replicas > 0)
            await kubectl.run(['annotate', target, '-n', ref.namespace, '--overwrite', `${REPLICAS_ANNOTATION}=${replicas}`], {
                what: `annotating ${target}`
            });
        await kubectl.run(['scale', target, '-n', ref.namespace, '--replicas=0'], { what: `scaling ${target} to zero` });
        report.info(`${target} scaled to zero (was ${replicas})`);
    }
}

// EXTERNAL MODULE: ./.build/actions/lib/kube/helm.js
var kube_helm = __webpack_require__(1084);
;// CONCATENATED MODULE: ./.build/actions/lib/kube/strategies/helm.js
// The helm strategy: `helm upgrade --install` (never --wait), then the same rollout watch and health
// analysis as manifests. The known-good state is the release's last good revision, restored with
// `helm rollback` (or `helm uninstall` when there was none). A release left pending by a killed helm
// operation is first rolled back to its last deployed revision (a stuck install is uninstalled):
// helm refuses to upgrade it otherwise, and the half-applied revision must not stay.






/** A helm deploy of the chart as the release; throws a UserError when helm is not available. */
function helmStrategy(ctx, source) {
    const { kubectl, settings, report, outcome } = ctx;
    const { release } = source;
    const ns = settings.namespace;
    if (!ctx.helm)
        throw new user_error/* UserError */.yo('helm-chart is set but helm is not available.');
    const helm = ctx.helm;
    let good;
    let stuck;
    let before = [];
    let refs = [];
    let recovered = '';
    const manifestOf = async (revision) => (0,manifests.parseManifests)(await helm.manifest(release, ns, revision), `release ${release}`);
    return {
        async record() {
            const history = await helm.history(release, ns);
            good = (0,kube_helm/* lastGoodRevision */.Z)(history);
            stuck = (0,kube_helm/* stuckRevision */.ir)(history);
            const current = history.at(-1);
            if (good) {
                const newer = current && current.revision !== good.revision ? `; the newest revision ${current.revision} is ${current.status}` : '';
                report.info(`Known-good state: release ${release} revision ${good.revision} (${good.chart ?? ''}, ${good.status})${newer}`);
            }
            else
                report.info(`Release ${release} has no good revision yet`);
            before = good ? (0,manifests.workloadsOf)(await manifestOf(good.revision), ns) : [];
            return { revision: good ? String(good.revision) : '', workloads: await workloadStates(kubectl, before) };
        },
        check() {
            if (stuck)
                checkRecoverable(stuck, good, release, ns, settings.dryRun);
        },
        async apply() {
            if (stuck)
                recovered = await recover(helm, stuck, good, release, ns, report);
            const title = `helm upgrade --install ${release} ${source.chart}${settings.dryRun ? ' --dry-run=server' : ''}`;
            const out = await report.group(title, async () => {
                const text = await helm.upgrade({
                    release,
                    chart: source.chart,
                    namespace: ns,
                    values: source.values,
                    set: source.set,
                    dryRun: settings.dryRun,
                    postRenderer: source.postRenderer,
                    timeoutSeconds: settings.watch.timeoutSeconds
                });
                report.info(text.trim().split('\n').slice(0, 12).join('\n'));
                return text;
            });
            if (settings.dryRun) {
                outcome.images = imagesOfManifest(out.slice(out.indexOf('MANIFEST:') + 9));
                return 'helm rendered the chart and the API server accepted it (server-side dry run); nothing changed';
            }
            const manifest = await manifestOf();
            refs = (0,manifests.workloadsOf)(manifest, ns);
            outcome.images = imagesOf(manifest);
            return undefined;
        },
        async prove() {
            const watch = await ctx.prove(refs, settings.health, 'after the rollout');
            const revision = String((await helm.history(release, ns)).at(-1)?.revision ?? '');
            const checked = hasHealthChecks(settings.health) ? ' and passed the health analysis' : '';
            const plain = refs.length > 0 && !watch?.notReplaced.length;
            const text = plain
                ? `release ${release} revision ${revision} rolled out${checked}`
                : `release ${release} revision ${revision}: ${provenText(refs, watch, settings.health)}`;
            return recovered ? `${text} (${recovered})` : text;
        },
        async restore(note) {
            if (good) {
                const to = good.revision;
                await report.group(`helm rollback ${release} ${to}`, () => helm.rollback(release, to, ns));
                note(`release ${release}: rolled back to revision ${to}`);
                return before;
            }
            if ((await helm.history(release, ns)).length === 0) {
                note(`release ${release}: nothing to remove (it was never installed)`);
                return [];
            }
            await report.group(`helm uninstall ${release}`, () => helm.uninstall(release, ns));
            note(`release ${release}: uninstalled (it had no good revision before this deploy)`);
            return [];
        },
        async now() {
            const current = (await helm.history(release, ns)).at(-1);
            if (!current)
                return { revision: '', workloads: [] };
            const states = await workloadStates(kubectl, (0,manifests.workloadsOf)(await manifestOf(), ns));
            return { revision: String(current.revision), workloads: states };
        }
    };
}
function stuckText(stuck, release) {
    return `release ${release} is stuck in ${stuck.status} (revision ${stuck.revision}, left by an interrupted helm operation)`;
}
/** Throws (before anything changes) when a stuck release cannot be recovered by this deploy, saying what to do. */
function checkRecoverable(stuck, good, release, ns, dryRun) {
    const text = stuckText(stuck, release);
    if (stuck.status === 'uninstalling')
        throw new user_error/* UserError */.yo(`${text}: finish it with helm uninstall ${release} -n ${ns}, then deploy again.`);
    if (!good && stuck.status !== 'pending-install') {
        throw new user_error/* UserError */.yo(`${text} and has no deployed revision to return to: ` +
            `roll it back to a revision you trust (helm rollback ${release} <revision> -n ${ns}) or uninstall it, then deploy again.`);
    }
    if (dryRun) {
        const fix = good ? `helm rollback ${release} ${good.revision} -n ${ns}` : `helm uninstall ${release} -n ${ns}`;
        throw new user_error/* UserError */.yo(`${text}; a dry run changes nothing, so it cannot recover it: deploy without dry-run (kube-deploy recovers it first) or run ${fix}.`);
    }
}
/**
 * Roll the stuck revision back to the last deployed one (uninstall a stuck first install); returns
 * a note for the reason. Throws a DeployFailure naming the state and what to do when helm refuses.
 */
async function recover(helm, stuck, good, release, ns, report) {
    const text = stuckText(stuck, release);
    report.warning(`${text}; ${good ? `rolling it back to revision ${good.revision}` : 'uninstalling it'} before the upgrade`);
    try {
        if (good)
            await report.group(`helm rollback ${release} ${good.revision} (recovering from ${stuck.status})`, () => helm.rollback(release, good.revision, ns));
        else
            await report.group(`helm uninstall ${release} (recovering from ${stuck.status})`, () => helm.uninstall(release, ns));
    }
    catch (error) {
        const fix = good ? `helm rollback ${release} ${good.revision} -n ${ns}` : `helm uninstall ${release} -n ${ns}`;
        const why = (0,user_error/* messageOf */.bD)(error)
            .split('\n')[0]
            .replace(/[.\s]*$/, '');
        throw new DeployFailure(`${text}; ${good ? `rolling it back to revision ${good.revision}` : 'uninstalling it'} failed: ${why}. Run ${fix}, then deploy again.`);
    }
    const done = good ? `rolled back to revision ${good.revision}` : 'uninstalled';
    return `it was stuck in ${stuck.status} at revision ${stuck.revision} and was first ${done}`;
}
function imagesOf(objects) {
    return [...new Set(objects.flatMap((o) => (0,manifests.containerImages)((0,manifests.podTemplateOf)(o))))];
}
function imagesOfManifest(text) {
    try {
        return imagesOf((0,manifests.parseManifests)(text, 'helm output'));
    }
    catch {
        return [];
    }
}

;// CONCATENATED MODULE: ./.build/actions/lib/kube/strategies/rolling.js
// The rolling strategy: apply the manifests in place (Namespaces and CRDs first) and watch every
// workload among them roll out; the known-good state is every object in the manifests.




/** A rolling deploy of the given manifests; throws a UserError when an image override names no container. */
function rollingStrategy(ctx, source) {
    const { kubectl, settings, report, clock, outcome } = ctx;
    const objects = structuredClone(source.objects);
    outcome.images = (0,manifests.applyImageOverrides)(objects, settings.images, 'images');
    const refs = (0,manifests.workloadsOf)(objects, settings.namespace);
    let known = new KnownGood([]);
    return {
        async record() {
            known = await KnownGood.record(kubectl, objects, settings.namespace);
            const before = known.workloads();
            for (const w of before) {
                report.info(`Known-good state: ${(0,manifests.describeWorkload)(w.ref)} ` +
                    (w.exists ? `revision ${w.revision} (${w.images.join(', ')})` : 'does not exist yet'));
            }
            return { revision: revisionsText(before), workloads: before };
        },
        async apply() {
            const result = await applyObjects(kubectl, objects, applyOptions(ctx, known), report, clock);
            return settings.dryRun ? dryRunReason(result) : undefined;
        },
        async prove() {
            const watch = await ctx.prove(refs, settings.health, 'after the rollout');
            return provenText(refs, watch, settings.health);
        },
        restore: (note) => known.restore(kubectl, note),
        async now() {
            const states = await workloadStates(kubectl, refs);
            return { revision: revisionsText(states), workloads: states };
        }
    };
}

;// CONCATENATED MODULE: ./.build/actions/lib/kube/deploy.js
// The deploy runner: one story for every strategy (strategies/: rolling, helm, blue-green). It
// reaches the cluster, has the strategy record the known-good state, apply, and prove the change
// (rollout watch, health analysis), and owns, once, what every strategy shares: the outcome, the
// timing, and the rollback. Whatever fails once the apply has begun (a rollout, a partial apply, a
// kubectl error, a bug), the recorded state is restored and proven healthy ('rolled-back'), or the
// outcome is 'failed' with the reason and what the rollback did; every output is set either way.
// Knows nothing of GitHub: the action and the tests drive it through a Reporter.








const EMPTY = { revision: '', workloads: [] };
/**
 * Deploy `settings.source` with the chosen strategy. Never throws: every failure, even a bug, ends
 * in the returned outcome (result, reason, revision, previous-revision and duration always set);
 * `outcome.error.bug` holds a thrown bug so that the action can print its stack.
 */
async function deploy(kubectl, helm, settings, report, clock = realClock) {
    const started = clock.now();
    const outcome = {
        result: 'failed',
        reason: '',
        revision: '',
        previousRevision: '',
        images: [],
        durationSeconds: 0,
        namespace: settings.namespace,
        source: settings.source.type === 'helm'
            ? `helm chart ${settings.source.chart} as release ${settings.source.release}`
            : settings.source.description,
        changed: false,
        workloads: [],
        health: [],
        podEvents: new Map()
    };
    const ctx = {
        kubectl,
        helm,
        settings,
        report,
        clock,
        outcome,
        prove: (refs, health, phase) => prove(ctx, refs, health, phase)
    };
    let strategy;
    let before = EMPTY;
    let applied;
    try {
        await checkCluster(kubectl, report);
        strategy = strategyFor(ctx);
        before = await strategy.record();
        outcome.previousRevision = before.revision;
        outcome.revision = before.revision;
        outcome.workloads = stories(before, EMPTY);
        strategy.check?.();
        // A server-side dry run changes nothing: when it fails, there is nothing to restore.
        outcome.changed = !settings.dryRun;
        const dryRun = await strategy.apply();
        if (settings.dryRun) {
            outcome.result = 'dry-run';
            outcome.reason = dryRun ?? 'server-side dry run; nothing changed';
        }
        else {
            applied = clock.now();
            const reason = await strategy.prove();
            const now = await strategy.now();
            outcome.result = 'deployed';
            outcome.reason = reason;
            outcome.revision = now.revision;
            outcome.workloads = stories(before, now);
        }
    }
    catch (error) {
        await fail(ctx, strategy, before, error, applied);
    }
    outcome.durationSeconds = secondsSince(clock, started);
    return outcome;
}
function strategyFor(ctx) {
    const { source, strategy } = ctx.settings;
    if (source.type === 'helm') {
        if (strategy === 'blue-green') {
            throw new user_error/* UserError */.yo('strategy blue-green works on manifests or kustomize, not on a helm chart (a chart has its own release history; use helm rollback).');
        }
        return helmStrategy(ctx, source);
    }
    return strategy === 'blue-green' ? blueGreenStrategy(ctx, source) : rollingStrategy(ctx, source);
}
async function checkCluster(kubectl, report) {
    const out = await kubectl.run(['version', '-o', 'json'], { what: 'Reaching the API server' });
    const server = JSON.parse(out).serverVersion?.gitVersion;
    report.info(`API server reached: Kubernetes ${server ?? '(version unknown)'}`);
}
/** One line, for the reason output and the summary headline. */
function oneLine(text) {
    return text.replace(/\s*\n\s*/g, ' ').trim();
}
function secondsSince(clock, at) {
    return Math.round((clock.now() - at) / 100) / 10;
}
/**
 * The deploy failed: record why, and once the apply has begun, restore the recorded state (unless
 * rollback-on-failure is false) and prove it healthy. Never throws.
 */
async function fail(ctx, strategy, before, error, applied) {
    try {
        await failAndRestore(ctx, strategy, before, error, applied);
    }
    finally {
        if (error instanceof DeployFailure)
            await error.details;
    }
}
async function failAndRestore(ctx, strategy, before, error, applied) {
    const { outcome, settings, report, clock } = ctx;
    outcome.result = 'failed';
    outcome.reason = oneLine(error instanceof DeployFailure ? error.reason : (0,user_error/* isUserError */.iU)(error) ? error.message : `unexpected error: ${(0,user_error/* messageOf */.bD)(error)}`);
    outcome.error = { message: (0,user_error/* messageOf */.bD)(error), bug: (0,user_error/* isUserError */.iU)(error) ? undefined : error };
    if (!strategy)
        return;
    if (!outcome.changed) {
        // Refused after the recording (helm: a stuck release): what runs now is what the strategy sees.
        if (before !== EMPTY)
            outcome.revision = (await strategy.now().catch(() => undefined))?.revision ?? outcome.revision;
        return;
    }
    const failed = await strategy.now().catch(() => undefined);
    if (failed) {
        outcome.revision = failed.revision;
        outcome.workloads = stories(before, failed);
    }
    if (!settings.rollbackOnFailure) {
        report.warning('rollback-on-failure is false: the failed revision stays in place.');
        return;
    }
    const rollbackStarted = clock.now();
    const restored = [];
    try {
        const wait = await report.group('Rolling back to the recorded state', () => strategy.restore((line) => {
            restored.push(line);
            report.info(line);
        }));
        if (wait.length) {
            const watch = await report.group('Waiting for the restored revision to be healthy', () => watchRollout(ctx.kubectl, wait, settings.watch, (l) => report.info(l), clock));
            if (watch.state === 'failed')
                throw new DeployFailure(`the restored revision is not healthy either: ${watch.reason}`);
        }
        const now = await strategy.now();
        outcome.revision = now.revision;
        outcome.workloads = stories(before, failed ?? EMPTY, now);
        outcome.rollbackSeconds = secondsSince(clock, rollbackStarted);
        outcome.result = 'rolled-back';
        const sinceApply = applied === undefined ? '' : `, ${secondsSince(clock, applied)}s after the apply`;
        outcome.rollback = { ok: true, detail: `healthy again ${outcome.rollbackSeconds}s after the rollback started${sinceApply}`, restored };
    }
    catch (rollbackError) {
        outcome.rollbackSeconds = secondsSince(clock, rollbackStarted);
        outcome.rollback = {
            ok: false,
            detail: oneLine(rollbackError instanceof DeployFailure ? rollbackError.reason : (0,user_error/* messageOf */.bD)(rollbackError)),
            restored
        };
        if (!(0,user_error/* isUserError */.iU)(rollbackError))
            outcome.error.bug ??= rollbackError;
        const now = await strategy.now().catch(() => undefined);
        if (now)
            outcome.revision = now.revision;
    }
}
/** Watch the rollout, then the health analysis; throws DeployFailure with the reason. */
async function prove(ctx, refs, health, phase) {
    const { kubectl, settings, report, clock, outcome } = ctx;
    let watch;
    if (refs.length > 0) {
        watch = await report.group(`Watching the rollout of ${refs.map(manifests.describeWorkload).join(', ')}`, () => watchRollout(kubectl, refs, settings.watch, (l) => report.info(l), clock));
        outcome.rollout = watch;
        if (watch.state === 'failed') {
            // The failed pods' events are gathered while the rollback runs, not before it.
            const details = watch.apiFailure ? undefined : collectPodEvents(ctx, refs, watch).catch(() => undefined);
            throw new DeployFailure(watch.reason, details);
        }
        report.info(`Rolled out in ${watch.seconds}s`);
        for (const n of watch.notReplaced)
            report.warning(`${n.workload} applied, pods not replaced: ${n.detail}`);
    }
    if (health && hasHealthChecks(health)) {
        const result = await report.group(`Health analysis (${phase})`, () => analyseHealth(health, (l) => report.info(l), clock));
        outcome.health.push({ phase, result });
        if (!result.ok)
            throw new DeployFailure(result.reason);
    }
    return watch;
}
async function collectPodEvents(ctx, refs, watch) {
    const byNamespace = new Map();
    for (const p of watch.problems) {
        const ns = refs.find((r) => (0,manifests.describeWorkload)(r) === p.workload)?.namespace ?? ctx.settings.namespace;
        byNamespace.set(ns, [...(byNamespace.get(ns) ?? []), p.pod]);
    }
    for (const [ns, pods] of byNamespace)
        for (const [pod, lines] of await podWarnings(ctx.kubectl, ns, pods))
            ctx.outcome.podEvents.set(pod, lines);
}
/** Each workload's revisions and images before, after the deploy, and (after a rollback) now. */
function stories(before, after, restored) {
    const key = (s) => `${s.ref.namespace}/${(0,manifests.describeWorkload)(s.ref)}`;
    const find = (snapshot, k) => snapshot?.workloads.find((s) => key(s) === k);
    const all = new Map([...after.workloads, ...before.workloads, ...(restored?.workloads ?? [])].map((s) => [key(s), s.ref]));
    return [...all].map(([k, ref]) => {
        const b = find(before, k);
        const a = find(after, k);
        return {
            workload: (0,manifests.describeWorkload)(ref),
            namespace: ref.namespace,
            before: b?.revision,
            after: a?.revision,
            imagesBefore: b?.images ?? [],
            imagesAfter: a?.images ?? [],
            ...(restored ? { restored: find(restored, k)?.revision ?? '' } : {})
        };
    });
}


/***/ })

};
