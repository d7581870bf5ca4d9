package client

import (
	"context"
	"errors"

	"github.com/tiercel/tiercel/answer"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

// compareRequest is the body of POST /v1/compare.
type compareRequest struct {
	From  string        `json:"from"`
	To    string        `json:"to"`
	Scope *scopeRequest `json:"scope,omitempty"`
}

// scopeRequest is a rules.Scope as the service reads it.
type scopeRequest struct {
	Zone    string `json:"zone,omitempty"`
	Country string `json:"country,omitempty"`
	From    string `json:"from"`
	To      string `json:"to"`
}

// Compare asks the service how each response target changes from tier
// from to tier to, as written, as rules.Engine.Compare answers.
func (c *Client) Compare(ctx context.Context, from, to string) ([]slo.Change, error) {
	var a answer.Compare
	if _, err := c.Decide(ctx, "compare", compareRequest{From: from, To: to}, &a); err != nil {
		return nil, err
	}
	var err error
	out := changes(a.Changes, place{}, &err)
	return out, err
}

// CompareIn asks the service how each response target changes for the
// account and window of s, as rules.Engine.CompareIn answers; the
// effects' instants are in the location of s.From, as the engine gives
// them.
func (c *Client) CompareIn(ctx context.Context, from, to string, s rules.Scope) ([]slo.Change, error) {
	q := compareRequest{From: from, To: to, Scope: &scopeRequest{Zone: s.Zone, Country: s.Country, From: instant(s.From), To: instant(s.To)}}
	var a answer.Compare
	if _, err := c.Decide(ctx, "compare", q, &a); err != nil {
		return nil, err
	}
	var err error
	out := changes(a.Changes, place{s.From.Location()}, &err)
	return out, err
}

// replayRequest is the body of POST /v1/replay.
type replayRequest struct {
	From  string     `json:"from"`
	To    string     `json:"to"`
	Cases []caseBody `json:"cases"`
}

// Replay asks the service how every case of history would have been due
// on tier to rather than tier from, as rules.Engine.Replay answers.
func (c *Client) Replay(ctx context.Context, history []rules.Case, from, to string) (rules.ReplayReport, error) {
	q := replayRequest{From: from, To: to, Cases: make([]caseBody, len(history))}
	for i, k := range history {
		b, err := newCaseBody(k, nil)
		if err != nil {
			return rules.ReplayReport{}, err
		}
		q.Cases[i] = b
	}
	var a answer.Replay
	if _, err := c.Decide(ctx, "replay", q, &a); err != nil {
		return rules.ReplayReport{}, err
	}
	return replayOf(a)
}

func replayOf(a answer.Replay) (rules.ReplayReport, error) {
	var err error
	out := rules.ReplayReport{From: a.From, To: a.To, Delays: delaysOf(a.Delays, &err), MaxLaterCase: -1, MaxEarlierCase: -1,
		ByPriority: make(map[slo.Priority]rules.Delays, len(a.ByPriority))}
	if a.MaxLaterCase != nil {
		out.MaxLaterCase = a.MaxLaterCase.Index
	}
	if a.MaxEarlierCase != nil {
		out.MaxEarlierCase = a.MaxEarlierCase.Index
	}
	for _, d := range a.ByPriority {
		p := priority(d.Priority, &err)
		if _, dup := out.ByPriority[p]; dup && err == nil {
			err = errors.Join(errAnswer, errors.New("a priority twice in byPriority"))
		}
		out.ByPriority[p] = delaysOf(d.Delays, &err)
	}
	return out, err
}

// delaysOf reads delays; the service writes MaxEarlier negative.
func delaysOf(d answer.Delays, err *error) rules.Delays {
	return rules.Delays{Cases: d.Cases, Later: d.Later, Earlier: d.Earlier, Same: d.Same,
		MaxLater: span(d.MaxLater, err), MaxEarlier: -span(d.MaxEarlier, err),
		P10: span(d.P10, err), Median: span(d.Median, err), P90: span(d.P90, err)}
}
