package rules

import (
	"sync"
	"time"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/cost"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/ext"
	"cel.dev/cel-go/interpreter"
)

// The CEL variables every expression of a catalog sees. Their types are
// declared, so a misspelt field or a comparison of the wrong types is a
// compile error with a position in the YAML file.
//
//	case       tiercel.Case       the case being decided (Deadline, Allowed)
//	account    tiercel.Account    the account that owns the case or contract
//	contract   tiercel.Contract   the contract (Eligibility); empty for cases
//	tier       tiercel.Tier       the tier of the case or contract
//	principal  tiercel.Principal  who acts (Allowed); empty otherwise
//	now        timestamp          the instant of the decision, from the input
//	event      tiercel.Event      the event being applied (Timeline); empty otherwise

// celCase is what CEL sees as `case`.
type celCase struct {
	Tier     string         `cel:"tier"`
	Priority string         `cel:"priority"`
	Opened   time.Time      `cel:"opened"`
	Zone     string         `cel:"zone"`
	Language string         `cel:"language"`
	Account  string         `cel:"account"`
	Country  string         `cel:"country"`
	Attrs    map[string]any `cel:"attrs"`

	given bool // a case is given: case.opened is set (its zero value is the year 1)
}

// instant implements instants: opened, set whenever a case is given.
func (c celCase) instant(string) (time.Time, bool) { return c.Opened, c.given }

// celAccount is what CEL sees as `account`.
type celAccount struct {
	ID      string `cel:"id"`
	Zone    string `cel:"zone"`
	Country string `cel:"country"`
}

// celMoney is an amount of money: minor units (cents) and currency, plus
// whole major units truncated toward zero, for readable comparisons.
type celMoney struct {
	Minor    int64  `cel:"minor"`
	Units    int64  `cel:"units"`
	Currency string `cel:"currency"`
}

// celContract is what CEL sees as `contract`.
type celContract struct {
	Account string         `cel:"account"`
	Tier    string         `cel:"tier"`
	Start   time.Time      `cel:"start"`
	Renewal time.Time      `cel:"renewal"`
	Spend   celMoney       `cel:"spend"`
	Zone    string         `cel:"zone"`
	Attrs   map[string]any `cel:"attrs"`

	given      bool // a contract is given: contract.start is set (its zero value is the year 1)
	hasRenewal bool // the contract has a renewal: contract.renewal is set
}

// instant implements instants: start whenever a contract is given,
// renewal when it has one.
func (c celContract) instant(field string) (time.Time, bool) {
	if field == "renewal" {
		return c.Renewal, c.hasRenewal
	}
	return c.Start, c.given
}

// celTier is what CEL sees as `tier`.
type celTier struct {
	ID        string   `cel:"id"`
	Name      string   `cel:"name"`
	Family    string   `cel:"family"`
	Legacy    bool     `cel:"legacy"`
	Aliases   []string `cel:"aliases"`
	Languages []string `cel:"languages"`
	Channels  []string `cel:"channels"`
	Services  []string `cel:"services"`
}

// celEvent is what CEL sees as `event`: one event of a case's history as
// Timeline applies it. Status, priority and tier are the case's after the
// event, whatever its type; reopened is true when the event moved the case
// out of a solved status.
type celEvent struct {
	Type     string         `cel:"type"`
	At       time.Time      `cel:"at"`
	Status   string         `cel:"status"`
	By       string         `cel:"by"`
	Priority string         `cel:"priority"`
	Tier     string         `cel:"tier"`
	Reopened bool           `cel:"reopened"`
	Attrs    map[string]any `cel:"attrs"`

	given bool // an event is given: event.at is set (its zero value is the year 1)
}

// instant implements instants: at, set whenever an event is given.
func (e celEvent) instant(string) (time.Time, bool) { return e.At, e.given }

// celPrincipal is what CEL sees as `principal`.
type celPrincipal struct {
	ID     string         `cel:"id"`
	Roles  []string       `cel:"roles"`
	Groups []string       `cel:"groups"`
	Attrs  map[string]any `cel:"attrs"`
}

// Limits on what an expression may cost. The compile-time limit rejects
// expressions whose worst case, with lists and maps of up to maxListSize
// elements, exceeds it; the runtime limit stops any evaluation that exceeds it
// with ErrCostLimit.
const (
	maxEstimatedCost = 100_000
	runtimeCostLimit = 1_000_000
	maxListSize      = 100
	maxExprLength    = 4096
)

var (
	baseEnvOnce sync.Once
	baseEnv     *cel.Env
	baseEnvErr  error
)

// celEnv returns the shared, immutable CEL environment of every catalog.
func celEnv() (*cel.Env, error) {
	baseEnvOnce.Do(func() {
		tag := types.ParseStructTags(true)
		baseEnv, baseEnvErr = cel.NewEnv(
			ext.NativeTypes(
				types.NativeTypeFor[celCase](tag, types.NativeTypeAlias("tiercel.Case")),
				types.NativeTypeFor[celAccount](tag, types.NativeTypeAlias("tiercel.Account")),
				types.NativeTypeFor[celMoney](tag, types.NativeTypeAlias("tiercel.Money")),
				types.NativeTypeFor[celContract](tag, types.NativeTypeAlias("tiercel.Contract")),
				types.NativeTypeFor[celTier](tag, types.NativeTypeAlias("tiercel.Tier")),
				types.NativeTypeFor[celPrincipal](tag, types.NativeTypeAlias("tiercel.Principal")),
				types.NativeTypeFor[celEvent](tag, types.NativeTypeAlias("tiercel.Event")),
			),
			cel.Variable("case", cel.ObjectType("tiercel.Case")),
			cel.Variable("account", cel.ObjectType("tiercel.Account")),
			cel.Variable("contract", cel.ObjectType("tiercel.Contract")),
			cel.Variable("tier", cel.ObjectType("tiercel.Tier")),
			cel.Variable("principal", cel.ObjectType("tiercel.Principal")),
			cel.Variable("now", cel.TimestampType),
			cel.Variable("event", cel.ObjectType("tiercel.Event")),
			ext.Strings(),
			cel.OptionalTypes(),
			unsetInstants,
		)
		if baseEnvErr != nil {
			return
		}
		var bounded []cel.EnvOption
		if bounded, baseEnvErr = boundedFunctions(baseEnv); baseEnvErr == nil {
			baseEnv, baseEnvErr = baseEnv.Extend(bounded...)
		}
	})
	return baseEnv, baseEnvErr
}

// sizeEstimator bounds the size of every list, map and string input for
// compile-time cost estimates.
type sizeEstimator struct{}

func (sizeEstimator) EstimateSize(cost.AstNode) *cost.SizeEstimate {
	return &cost.SizeEstimate{Min: 0, Max: maxListSize}
}

func (sizeEstimator) EstimateCallCost(string, string, *cost.AstNode, []cost.AstNode) *cost.CallEstimate {
	return nil
}

// An instant the input does not give (contract.renewal of a contract
// without a renewal; case.opened, contract.start or event.at where there is
// no case, contract or event) is absent: has() is false for it and reading
// it is an evaluation error wrapping ErrInvalidCase, ErrInvalidContract or
// ErrInvalidEvent (unsetInstants). The zero time.Time of a given one is the
// instant 0001-01-01T00:00:00Z.

// vars is the activation of one evaluation. Unset variables are empty
// values, never missing, so an expression about the contract evaluated for a
// case sees an empty contract rather than failing.
type vars struct {
	kase      *celCase
	account   *celAccount
	contract  *celContract
	tier      *celTier
	principal *celPrincipal
	event     *celEvent
	now       time.Time
}

var (
	emptyCase      = &celCase{}
	emptyAccount   = &celAccount{}
	emptyContract  = &celContract{}
	emptyTier      = &celTier{}
	emptyPrincipal = &celPrincipal{}
	emptyEvent     = &celEvent{}
)

// ResolveName implements interpreter.Activation.
func (v *vars) ResolveName(name string) (any, bool) {
	switch name {
	case "case":
		if v.kase == nil {
			return emptyCase, true
		}
		return v.kase, true
	case "account":
		if v.account == nil {
			return emptyAccount, true
		}
		return v.account, true
	case "contract":
		if v.contract == nil {
			return emptyContract, true
		}
		return v.contract, true
	case "tier":
		if v.tier == nil {
			return emptyTier, true
		}
		return v.tier, true
	case "principal":
		if v.principal == nil {
			return emptyPrincipal, true
		}
		return v.principal, true
	case "event":
		if v.event == nil {
			return emptyEvent, true
		}
		return v.event, true
	case "now":
		return types.Timestamp{Time: v.now}, true
	}
	return nil, false
}

// Parent implements interpreter.Activation.
func (v *vars) Parent() interpreter.Activation { return nil }
