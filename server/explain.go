package server

import (
	"context"

	"github.com/tiercel/tiercel/answer"
	"github.com/tiercel/tiercel/rules"
)

// decideExplain answers POST /v1/explain, `tiercel explain deadline` and
// `explain status` as a service: the body is a case (the keys of a case
// file without events); with now, the explanation says where the case
// stands at now, as rules.Engine.ExplainStatus, else it is
// rules.Engine.Explain's. It stops when ctx (the request's deadline) is
// done, with an error wrapping ctx.Err(), as every question does.
func decideExplain(ctx context.Context, e *rules.Engine, body []byte) (any, error) {
	h, err := parseCase(bodyName, body, false)
	if err != nil {
		return nil, err
	}
	var x rules.Explanation
	if h.Case.Now != nil {
		x, err = e.ExplainStatusContext(ctx, h.Case, *h.Case.Now)
	} else {
		x, err = e.ExplainContext(ctx, h.Case)
	}
	if err != nil {
		return nil, err
	}
	return answer.NewExplain(tierID(e, h.Case.Tier), h.Case, x), nil
}
