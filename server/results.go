package server

import (
	"github.com/tiercel/tiercel/answer"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

// The results of the decisions that package answer has no type for. Every
// other result is one of answer's types, so that the service writes money,
// durations and instants as the command's --output json does.

// deadlineResult is the deadline (and, with st, the status) of c on e,
// its tier named by id, aliases resolved.
func deadlineResult(e *rules.Engine, c rules.Case, d rules.Deadline, st *slo.Status) answer.Deadline {
	return answer.NewDeadline(tierID(e, c.Tier), c, d, st)
}

// Entitlements is the result of POST /v1/entitlements: the tier whose
// features apply ("" when the contract moved and the target is not
// named), the migration that shaped the answer, whether the contract is
// past the move, its features and the reasons, sentences a person reads.
type Entitlements struct {
	Tier      string   `json:"tier"`
	Migration string   `json:"migration,omitempty"`
	Migrated  bool     `json:"migrated"`
	Languages []string `json:"languages"`
	Channels  []string `json:"channels"`
	Services  []string `json:"services"`
	Reasons   []string `json:"reasons"`
}

func entitlementsResult(en rules.Entitlements) Entitlements {
	orEmpty := func(s []string) []string {
		if s == nil {
			return []string{}
		}
		return s
	}
	f := en.Features
	return Entitlements{Tier: en.Tier, Migration: en.Migration, Migrated: en.Migrated,
		Languages: orEmpty(f.Languages), Channels: orEmpty(f.Channels), Services: orEmpty(f.Services), Reasons: orEmpty(en.Reasons)}
}
