package server

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"math/rand/v2"
	"slices"
	"time"
)

// decisionLog writes one JSON line per decision, a sample of them, with
// the values of redacted keys replaced, through log/slog.
type decisionLog struct {
	log    *slog.Logger
	sample float64
	redact []string
}

// logEntry is what is known of one decision when it is answered.
type logEntry struct {
	id, route, revision string
	body                []byte
	result              any
	err                 *httpError
	start               time.Time
}

func newDecisionLog(w io.Writer, sample float64, redact []string) *decisionLog {
	if w == nil {
		return nil
	}
	return &decisionLog{log: slog.New(slog.NewJSONHandler(w, nil)), sample: sample, redact: slices.Clone(redact)}
}

// write logs e, unless the log is off or e falls outside the sample.
func (l *decisionLog) write(e logEntry) {
	if l == nil || (l.sample < 1 && rand.Float64() >= l.sample) {
		return
	}
	attrs := []slog.Attr{
		slog.String("decisionId", e.id), slog.String("route", e.route), slog.String("revision", e.revision),
		slog.Any("input", l.input(e.body)), slog.Duration("duration", time.Since(e.start)),
	}
	if e.err != nil {
		attrs = append(attrs, slog.Any("error", map[string]any{"code": e.err.code, "message": message(e.err), "field": e.err.field}))
	} else {
		attrs = append(attrs, slog.Any("result", e.result))
	}
	l.log.LogAttrs(context.Background(), slog.LevelInfo, "decision", attrs...)
}

// input returns the body as a JSON value with the values of every key in
// redact replaced by "[redacted]", at any depth; a body that is not JSON
// is logged as its length only.
func (l *decisionLog) input(body []byte) any {
	var v any
	if json.Unmarshal(body, &v) != nil {
		return map[string]any{"unparsed": len(body)}
	}
	if len(l.redact) > 0 {
		v = redact(v, l.redact)
	}
	return v
}

func redact(v any, keys []string) any {
	switch x := v.(type) {
	case map[string]any:
		for k, val := range x {
			if slices.Contains(keys, k) {
				x[k] = "[redacted]"
			} else {
				x[k] = redact(val, keys)
			}
		}
	case []any:
		for i := range x {
			x[i] = redact(x[i], keys)
		}
	}
	return v
}
