package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
)

// policy answers the decision tiercel's deadline starts from, tier x
// priority -> response target, from a table in data.targets; a pair the
// table lacks has no target.
const policy = `package tiercel

target := data.targets[input.tier][input.priority]
`

// targets is the table of the policy: tier -> priority -> target text.
type targets map[string]map[string]string

// opaHandler evaluates the policy with OPA's rego package, prepared once,
// for each request, as OPA's data API does: POST {"input": {...}} answers
// {"result": ...}, and a query without a result answers {}.
func opaHandler(ctx context.Context, table targets) (http.Handler, error) {
	data := map[string]any{"targets": table}
	pq, err := rego.New(
		rego.Query("data.tiercel.target"),
		rego.Module("tiercel.rego", policy),
		rego.Store(inmem.NewFromObject(data)),
	).PrepareForEval(ctx)
	if err != nil {
		return nil, fmt.Errorf("preparing the Rego policy: %w", err)
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var body struct {
			Input map[string]any `json:"input"`
		}
		if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&body); err != nil {
			http.Error(w, `{"code":"invalid_parameter"}`, http.StatusBadRequest)
			return
		}
		rs, err := pq.Eval(r.Context(), rego.EvalInput(body.Input))
		if err != nil {
			http.Error(w, `{"code":"internal_error"}`, http.StatusInternalServerError)
			return
		}
		out := map[string]any{}
		if len(rs) > 0 && len(rs[0].Expressions) > 0 {
			out["result"] = rs[0].Expressions[0].Value
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(out)
	}), nil
}
