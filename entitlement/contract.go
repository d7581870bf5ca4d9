package entitlement

import (
	"slices"
	"strings"
	"time"

	"github.com/tiercel/tiercel/billing"
	"github.com/tiercel/tiercel/money"
	"github.com/tiercel/tiercel/slo"
)

// Contract is a customer's support contract as the rules engine sees it:
// visible to CEL as the variable contract.
//
// The zero value is an empty contract; the engine reports what is missing.
// Every time.Time is an instant, the zero one 0001-01-01T00:00:00Z; the
// optional Renewal is a pointer, nil when the contract names none.
// A Contract is plain data: share it between goroutines only if nobody
// modifies Attrs.
type Contract struct {
	Account string      // account or billing identifier
	Tier    string      // current tier id or alias, e.g. "looker-premier"
	Start   time.Time   // when the contract began; the zero value is the instant 0001-01-01T00:00:00Z (a contract running since before any billed month)
	Renewal *time.Time  // the next renewal date, nil for none (e.g. Renewal: new(date)); migrations usually take effect here
	Spend   money.Money // the monthly spend the fee is computed from
	Zone    string      // IANA time zone of the account, for calendars with zone: account; "" for none (dates in UTC)
	Country string      // the account's holiday country (ISO code, e.g. "us"), for calendars closed on the account's holidays; "" for none
	Attrs   map[string]any
	Billing billing.Billing // the contract's own fee, its move at a migration, discounts and commitments, for invoices
}

// Location loads Zone with [slo.ZoneOrUTC]: an empty Zone means no zone
// given and gives UTC, the zone of the contract's dates. "Local" is refused
// like any zone slo.LoadZone refuses, with an error wrapping
// slo.ErrUnknownZone: the machine's zone would make answers depend on where
// the program runs.
func (c Contract) Location() (*time.Location, error) { return slo.ZoneOrUTC(c.Zone) }

// Eligibility is the answer to "may (or must) this contract migrate, and to
// what?" at a given instant.
//
// The zero value means not eligible, with no reason given; the engine
// always fills Reasons. Share between goroutines read-only.
type Eligibility struct {
	Eligible       bool      // a migration applies to the contract
	Migration      string    // id of the migration that applies; "" when none does
	EffectiveAt    time.Time // when the move takes effect (e.g. the contract's renewal)
	Required       bool      // the current tier is no longer available at the instant asked about: it is at or after EffectiveAt
	Targets        []string  // tier ids the contract may move to, in catalog order
	Recommended    string    // the cheapest target at the contract's spend that keeps every response target at least as good; "" when none does
	PriceHeld      bool      // the migration holds the price: PriceHeldUntil is an instant (0001-01-01T00:00:00Z too)
	PriceHeldUntil time.Time // no price increase before this instant, when PriceHeld; zero when the price is not held
	Reasons        []string  // sentences a person can read explaining the answer

	// RecommendationRule names the rule Recommended follows: "nominal"
	// (every response target as written at least as good) or "effective"
	// (also no deadline the account would see later in the first year after
	// the move); "" when not eligible.
	RecommendationRule string
}

// Features lists what a tier offers. Lookups are case-insensitive for
// languages (BCP 47 tags such as "en", "ja", "zh") and exact for channels
// and services. The zero value offers nothing. Share read-only.
type Features struct {
	Languages []string // BCP 47 language tags, e.g. "en", "ja"
	Channels  []string // ways to open or follow a case, e.g. "console", "api", "chat"
	Services  []string // value-added services, e.g. "technical-account-advisor"
}

// HasLanguage reports whether the tier supports the language tag, ignoring case.
func (f Features) HasLanguage(tag string) bool {
	return slices.ContainsFunc(f.Languages, func(l string) bool { return strings.EqualFold(l, tag) })
}

// HasChannel reports whether the tier offers the channel.
func (f Features) HasChannel(channel string) bool { return slices.Contains(f.Channels, channel) }

// HasService reports whether the tier includes the service.
func (f Features) HasService(service string) bool { return slices.Contains(f.Services, service) }

// Principal is who asks to act on a case: visible to CEL as the variable
// principal. The zero value is an anonymous principal with no roles. Share
// read-only.
type Principal struct {
	ID     string   // user or service account, e.g. "user:ana@example.com"
	Roles  []string // IAM roles, e.g. "roles/cloudsupport.techSupportEditor"
	Groups []string // groups the principal belongs to
	Attrs  map[string]any
}

// HasRole reports whether the principal holds role.
func (p Principal) HasRole(role string) bool { return slices.Contains(p.Roles, role) }

// InGroup reports whether the principal belongs to group.
func (p Principal) InGroup(group string) bool { return slices.Contains(p.Groups, group) }

// Decision is the answer to "may this principal do this action?" and names
// the rule that decided it. The zero value denies with no rule.
type Decision struct {
	Action  string // the action asked about, e.g. "cases.create"
	Allowed bool   // whether the action is permitted
	Rule    string // the rule that decided, e.g. "permissions.cases.create"
}
