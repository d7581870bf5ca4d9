// Package server is tiercel's decision service: the questions of package
// rules over HTTP, for billing systems and helpdesks written in any
// language, run by `tiercel serve`.
//
// Routes (the OpenAPI 3.1 document at GET /openapi.json describes each):
//
//	POST /v1/{question}  deadline, status, timeline, compare, replay, quote,
//	                     eligibility, plan, entitlements, invoice, allowed,
//	                     explain
//	GET  /v1/catalog     the tiers, revision, load time and sources of the catalog serving
//	GET  /healthz        200 while the process runs
//	GET  /readyz         200 while a catalog is loaded and the server is not draining
//	GET  /metrics        Prometheus metrics
//	GET  /openapi.json   the OpenAPI document
//	GET  /               the playground page (off with NoPlayground): not part of the API
//
// A decision's body uses the keys of tiercel's input files (a case is a
// case file's document, in JSON); its response is {"decisionId",
// "revision", "result"}, where revision identifies the catalog content
// that decided: a hash of its sources, the same on every replica.
//
// Errors are {"error": {"code", "message", "field"}}. The status follows
// the error's class (package fault, see Status): 400 for a malformed,
// unknown or mistyped field and an invalid input document, 422 for a
// request the catalog cannot decide or whose decision passes a bound, 413
// for a body over the limit, 503 when draining, over the concurrency
// limit or past the request deadline, 500 only for a fault of the server,
// with the decision id that its log line carries.
//
// A Server holds one compiled catalog at a time; Reload (on SIGHUP, or
// Watch on file changes) compiles a new one off the serving path and swaps
// it atomically, and an invalid catalog keeps the last good one serving.
// Serve drains in-flight requests on shutdown. Bearer tokens, TLS, mTLS
// and CheckExposure keep the decisions to the callers they belong to.
package server
