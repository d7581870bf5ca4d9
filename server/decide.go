package server

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/tiercel/tiercel/rules"
)

// question is one decision route, POST /v1/{name}: decide reads the body
// and answers it on one engine, and stops when ctx (the request's
// deadline) is done, with an error wrapping ctx.Err().
type question struct {
	name   string
	decide func(ctx context.Context, e *rules.Engine, body []byte) (any, error)
}

// errDeadline is the answer to a request past its deadline before it was
// decided; errDeadlineMid to one whose deadline passed while it was decided.
var (
	errDeadline    = &httpError{status: http.StatusServiceUnavailable, code: CodeUnavailable, err: errors.New("the request passed its deadline before it was decided")}
	errDeadlineMid = &httpError{status: http.StatusServiceUnavailable, code: CodeUnavailable, err: errors.New("the request passed its deadline while it was decided")}
)

// decision answers the question q: the body is read within MaxBody, decided
// on the one snapshot taken when the request arrived (so a reload during
// the request never mixes two catalogs) and answered with its decision id
// and revision, or an error by its class. The body and the answer are
// read and written in pooled buffers, given back once the answer is
// written and logged.
func (s *Server) decision(q question) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		x, start := exchangeOf(w)
		id := decisionID(w)
		x.idHeader[0] = id
		w.Header()[decisionHeader] = x.idHeader[:]
		ctx := x.ctx.init(r.Context(), start.Add(s.cfg.RequestTimeout))
		defer ctx.release()
		snap := s.snapshot()
		bufs := getBuffers()
		defer putBuffers(bufs)
		in, out := &bufs.in, &bufs.out
		body, err := readBodyTo(in, w, r, s.cfg.MaxBody)
		if err == nil && s.beforeDecide != nil {
			s.beforeDecide(r)
		}
		var result any
		if err == nil {
			if ctx.Err() != nil {
				err = errDeadline
			} else {
				result, err = q.decide(ctx, snap.engine, body)
				if err != nil && cutShort(err) {
					err = errDeadlineMid
				}
			}
		}
		if err == nil { // an answer that cannot be written (an instant past year 9999) is its limit error
			err = encodeAnswer(out, id, snap.revision, result)
		}
		entry := logEntry{id: id, route: q.name, revision: snap.revision, body: body, start: start}
		if err != nil {
			he := classify(err)
			if he.status == http.StatusInternalServerError {
				s.log.Error("decision failed", "decisionId", id, "route", q.name, "error", err.Error())
			}
			writeError(w, he, id)
			entry.err = he
			s.dlog.write(entry)
			return
		}
		writeBody(w, http.StatusOK, out.Bytes())
		entry.result = result
		s.dlog.write(entry)
	})
}

// exchange is what a decision request needs once, in one piece: its
// deadline's context and the value of its decision id header.
type exchange struct {
	ctx      deadlineContext
	idHeader [1]string
}

// exchangeOf returns the exchange of the request w answers and when it
// arrived: those the server's writer holds (statusWriter), or a new
// exchange and now for a writer that is not the server's (a handler
// called alone).
func exchangeOf(w http.ResponseWriter) (*exchange, time.Time) {
	if sw, ok := w.(*statusWriter); ok && sw.x.ctx.parent == nil {
		return &sw.x, sw.start
	}
	return new(exchange), time.Now()
}

// cutShort reports whether err is a decision stopped by its context: the
// request's deadline, or a client gone.
func cutShort(err error) bool {
	return errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled)
}
