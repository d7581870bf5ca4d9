package billing

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/tiercel/tiercel/money"
)

// maxMonths is the most months one invoice covers: a hundred years.
const maxMonths = 1200

// Months is a run of Count whole calendar months starting with Month of
// Year, in UTC: the period an invoice covers. The zero value is invalid.
type Months struct {
	Year  int
	Month time.Month
	Count int // 1 to 1200
}

// Validate reports whether m is a run of 1 to 1200 real months within the
// years 1 to 9999; the last may be 9999-12, whose end, [Months.Start] of
// m.Count, falls in the year 10000. Errors wrap [ErrInvalidPeriod].
func (m Months) Validate() error {
	switch {
	case m.Month < time.January || m.Month > time.December:
		return fmt.Errorf("%w: month %d is not between 1 and 12", ErrInvalidPeriod, int(m.Month))
	case m.Count < 1 || m.Count > maxMonths:
		return fmt.Errorf("%w: %d months (want 1 to %d)", ErrInvalidPeriod, m.Count, maxMonths)
	case m.Year < 1 || m.Start(m.Count-1).Year() > 9999:
		return fmt.Errorf("%w: months %04d-%02d and %d more are outside the years 1 to 9999", ErrInvalidPeriod, m.Year, int(m.Month), m.Count-1)
	}
	return nil
}

// Start returns the first instant (UTC) of the i-th month of m, counted
// from 0; Start(m.Count) is the end of the period.
func (m Months) Start(i int) time.Time {
	return time.Date(m.Year, m.Month+time.Month(i), 1, 0, 0, 0, 0, time.UTC)
}

// Period returns the whole i-th month of m, counted from 0.
func (m Months) Period(i int) Period {
	s := m.Start(i)
	return MonthPeriod(s.Year(), s.Month())
}

// Index returns the position in m of the month of year, or -1 when that
// month is outside m.
func (m Months) Index(year int, month time.Month) int {
	i := (year-m.Year)*12 + int(month) - int(m.Month)
	if i < 0 || i >= m.Count || month < time.January || month > time.December {
		return -1
	}
	return i
}

// String writes m as "2026-01..2026-12", or "2026-01" for one month, the
// text [ParseMonths] reads.
func (m Months) String() string {
	first := fmt.Sprintf("%04d-%02d", m.Year, int(m.Month))
	if m.Count == 1 {
		return first
	}
	last := m.Start(m.Count - 1)
	return fmt.Sprintf("%s..%04d-%02d", first, last.Year(), int(last.Month()))
}

// ParseMonths reads "2026-01..2026-12" (both months included) or a single
// month "2026-01". It fails, wrapping [ErrInvalidPeriod], on other text or
// a last month before the first.
func ParseMonths(s string) (Months, error) {
	a, b, found := strings.Cut(s, "..")
	if !found {
		b = a
	}
	from, err1 := time.Parse("2006-01", a)
	to, err2 := time.Parse("2006-01", b)
	if err1 != nil || err2 != nil || to.Before(from) {
		return Months{}, fmt.Errorf("%w %q: want months as 2026-01..2026-12 (both included) or one month 2026-01", ErrInvalidPeriod, s)
	}
	m := Months{Year: from.Year(), Month: from.Month(), Count: (to.Year()-from.Year())*12 + int(to.Month()) - int(from.Month()) + 1}
	return m, m.Validate()
}

// Spend is what one account spent in one month; an invoice sums the spends
// of a contract's accounts month by month, as AWS and Google Cloud price
// support on the aggregated spend of the accounts under one payer.
type Spend struct {
	Year    int
	Month   time.Month
	Account string      // the account that spent, for errors; any name
	Amount  money.Money // the month's spend, not negative
}

// ChargeKind says what an [InvoiceLine] charges. The zero value is
// [ChargeFee].
type ChargeKind uint8

const (
	// ChargeFee is a whole month's fee on one tier: its Period is the
	// whole month.
	ChargeFee ChargeKind = iota
	// ChargeProratedFee is the fee of the days of a month that one tier
	// bills when they are fewer than the month's: the month's fee × billed
	// days / days in the month, rounded half-even once. It bills the days
	// from the contract's start (under the price's proration rule) and the
	// days on each side of a move to another tier (by days); its Period
	// holds the days billed.
	ChargeProratedFee
	// ChargeDiscount takes a discount off the month's fees; its amount is
	// negative.
	ChargeDiscount
	// ChargeTrueUp is what a minimum commitment adds at the end of its term.
	ChargeTrueUp
)

var chargeKindNames = [...]string{
	ChargeFee:         "fee",
	ChargeProratedFee: "prorated-fee",
	ChargeDiscount:    "discount",
	ChargeTrueUp:      "true-up",
}

// ParseChargeKind parses "fee", "prorated-fee", "discount" or "true-up",
// the names written by [ChargeKind.String].
func ParseChargeKind(s string) (ChargeKind, error) {
	return parseName[ChargeKind]("charge kind", chargeKindNames[:], s)
}

// String returns "fee", "prorated-fee", "discount" or "true-up".
func (k ChargeKind) String() string { return nameOf("ChargeKind", chargeKindNames[:], k) }

// MarshalText implements [encoding.TextMarshaler] with [ChargeKind.String].
func (k ChargeKind) MarshalText() ([]byte, error) {
	return marshalName("charge kind", chargeKindNames[:], k)
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseChargeKind].
func (k *ChargeKind) UnmarshalText(text []byte) error {
	return unmarshalName("charge kind", chargeKindNames[:], k, text)
}

// InvoiceLine is one charge of an [Invoice]: a month's fee on a tier, the
// fee of part of a month, a discount (a negative Amount) or a true-up.
type InvoiceLine struct {
	Period Period      // the month, or the days of it that a prorated fee bills
	Tier   string      // the tier billed (for a discount or true-up: the month's last tier)
	Kind   ChargeKind  // what the line charges
	Spend  money.Money // the month's aggregated spend the fee was computed from; zero Money on other lines
	Amount money.Money // the charge, rounded half-even once; negative for a discount
	Reason string      // a sentence a person can read: which price, hold, discount or commitment
}

// Invoice is a contract's charges over a run of months: the fee lines of
// each month, then its discounts, then any true-up, month by month. Total
// is the exact sum of the lines' amounts.
type Invoice struct {
	Account  string
	Months   Months
	Currency string
	Lines    []InvoiceLine
	Total    money.Money
	// Warnings are sentences about inputs that did not stop the invoice
	// but a person should see: months before the contract's start, which
	// are not billed, a billed month without a spend row, spends outside
	// the months. Nil when there are none.
	Warnings []string
}

// Apply adds b's discounts and commitments to the fee lines of an invoice
// over months and totals it. fees holds the fee and prorated-fee lines in
// month order, at least one per month and all in one currency, as package
// rules computes them from the catalog's prices. For each month, every
// discount whose window holds the month takes its share of what the fees
// and the previous discounts left (see [Discount.Off]); each commitment
// adds the month's net fees to its term and, in the term's last month, a
// true-up line when they fall short (see [Commitment.TrueUp]). A
// commitment whose term ends inside months must start inside them too, as
// its true-up needs every month of the term; one that ends after months
// has no line yet.
//
// It fails with [ErrInvalidTerms], [ErrInvalidPeriod], [money.ErrCurrencyMismatch]
// or [money.ErrOverflow].
func (b *Billing) Apply(account string, months Months, fees []InvoiceLine) (Invoice, error) {
	if err := months.Validate(); err != nil {
		return Invoice{}, err
	}
	if len(fees) == 0 {
		return Invoice{}, fmt.Errorf("%w: no fee lines for %s", ErrInvalidPeriod, months)
	}
	cur := fees[0].Amount.Currency()
	if err := b.Validate(cur); err != nil {
		return Invoice{}, err
	}
	if err := b.wholeTerms(months); err != nil {
		return Invoice{}, err
	}
	var netBuf [4]int64
	net := netBuf[:0]
	for range b.Commitments {
		net = append(net, 0)
	}
	var reasonBuf [4]string
	reasons := reasonBuf[:0] // each discount's reason, written once it applies
	for range b.Discounts {
		reasons = append(reasons, "")
	}
	inv := Invoice{Account: account, Months: months, Currency: cur, Total: money.FromMinor(0, fees[0].Amount.CurrencyID())}
	inv.Lines = make([]InvoiceLine, 0, len(fees)+b.most(months))
	j := 0
	next := months.Start(0)
	for range months.Count {
		start := next
		next = next.AddDate(0, 1, 0)
		p := MonthPeriod(start.Year(), start.Month())
		gross, n, err := inv.addFees(fees[j:], p)
		if err != nil {
			return Invoice{}, err
		}
		j += n
		tier := fees[j-1].Tier
		left, err := b.discount(&inv, reasons, p, start, tier, gross)
		if err != nil {
			return Invoice{}, err
		}
		if err := b.commit(&inv, net, p, start, next, tier, left); err != nil {
			return Invoice{}, err
		}
	}
	if j != len(fees) {
		return Invoice{}, fmt.Errorf("%w: fee line for %s is outside %s or out of order", ErrInvalidPeriod, fees[j].Period, months)
	}
	if err := inv.total(); err != nil {
		return Invoice{}, err
	}
	return inv, nil
}

// wholeTerms checks that each commitment whose term ends inside months
// starts inside them too: its true-up needs every month of the term.
func (b *Billing) wholeTerms(months Months) error {
	start, end := months.Start(0), months.Start(months.Count)
	for i := range b.Commitments {
		c := &b.Commitments[i]
		if c.From.Before(start) && c.Until.After(start) && !c.Until.After(end) {
			return fmt.Errorf("%w: commitment %d runs from %s, before the invoiced months %s: invoice its whole term",
				ErrInvalidTerms, i+1, FormatEffective(c.From), months)
		}
	}
	return nil
}

// addFees appends to inv the fee lines of the month p that fees starts
// with, and returns their sum and how many they are; a month without a fee
// line is an error.
func (inv *Invoice) addFees(fees []InvoiceLine, p Period) (gross money.Money, n int, err error) {
	gross = money.FromMinor(0, inv.Total.CurrencyID())
	for ; n < len(fees) && fees[n].Period.Year == p.Year && fees[n].Period.Month == p.Month; n++ {
		if gross, err = gross.Add(fees[n].Amount); err != nil {
			return money.Money{}, 0, fmt.Errorf("fees of %s: %w", p, err)
		}
		inv.Lines = append(inv.Lines, fees[n])
	}
	if n == 0 {
		return money.Money{}, 0, fmt.Errorf("%w: no fee line for %s", ErrInvalidPeriod, p)
	}
	return gross, n, nil
}

// total sets inv.Total to the exact sum of its lines' amounts.
func (inv *Invoice) total() error {
	for i := range inv.Lines {
		var err error
		if inv.Total, err = inv.Total.Add(inv.Lines[i].Amount); err != nil {
			return fmt.Errorf("total of %s: %w", inv.Months, err)
		}
	}
	return nil
}

// most returns the most lines b's terms add to an invoice over months: a
// line per discount and month of its window, and a true-up per commitment.
func (b *Billing) most(months Months) int {
	n := len(b.Commitments)
	start, end := months.Start(0), months.Start(months.Count)
	for k := range b.Discounts {
		d := &b.Discounts[k]
		from, until := slices.MaxFunc([]time.Time{d.From, start}, time.Time.Compare), end
		if !d.Until.IsZero() && d.Until.Before(end) {
			until = d.Until
		}
		if from.Before(until) {
			n += (until.Year()-from.Year())*12 + int(until.Month()) - int(from.Month()) + 1
		}
	}
	return n
}

// discount appends the discount lines of the month p, which starts at
// start and whose fees add up to gross, and returns what they leave.
// reasons holds each discount's reason once written.
func (b *Billing) discount(inv *Invoice, reasons []string, p Period, start time.Time, tier string, gross money.Money) (money.Money, error) {
	left := gross
	for k := range b.Discounts {
		d := &b.Discounts[k]
		if !in(start, d.From, d.Until) {
			continue
		}
		off, err := d.Off(left)
		if err != nil {
			return money.Money{}, fmt.Errorf("discount %d in %s: %w", k+1, p, err)
		}
		if off.Minor() == 0 {
			continue
		}
		if reasons[k] == "" {
			reasons[k] = d.reason()
		}
		reason := reasons[k]
		if d.Amount != (money.Money{}) && off.Minor() < d.Amount.Minor() {
			reason += ", capped at the " + left.String() + " of fees left in the month"
		}
		left = money.FromMinor(left.Minor()-off.Minor(), left.CurrencyID()) // 0 ≤ off ≤ left
		inv.Lines = append(inv.Lines, InvoiceLine{Period: p, Tier: tier, Kind: ChargeDiscount,
			Amount: money.FromMinor(-off.Minor(), off.CurrencyID()), Reason: reason})
	}
	return left, nil
}

// reason describes the discount's lines.
func (d *Discount) reason() string {
	name := d.Name
	if name == "" {
		name = "discount"
	}
	if d.Amount != (money.Money{}) {
		return name + ": " + d.Amount.String() + " a month off the month's fees"
	}
	return name + ": " + d.Rate.String() + " off the month's fees"
}

// commit adds the month p, from start to end, whose net fees are left, to
// the terms of b's commitments (net holds each term's sum so far) and
// appends the true-up of each term that ends with the month.
func (b *Billing) commit(inv *Invoice, net []int64, p Period, start, end time.Time, tier string, left money.Money) error {
	for k := range b.Commitments {
		c := &b.Commitments[k]
		if !in(start, c.From, c.Until) {
			continue
		}
		sum, err := money.FromMinor(net[k], left.CurrencyID()).Add(left)
		if err != nil {
			return fmt.Errorf("commitment %d in %s: %w", k+1, p, err)
		}
		net[k] = sum.Minor()
		if !end.Equal(c.Until) {
			continue
		}
		up, err := c.TrueUp(sum)
		if err != nil {
			return fmt.Errorf("commitment %d in %s: %w", k+1, p, err)
		}
		if up.Minor() == 0 {
			continue
		}
		name := c.Name
		if name == "" {
			name = "commitment"
		}
		inv.Lines = append(inv.Lines, InvoiceLine{Period: p, Tier: tier, Kind: ChargeTrueUp, Amount: up,
			Reason: name + " of " + c.Amount.String() + " from " + FormatEffective(c.From) + " until " + FormatEffective(c.Until) +
				": the term's net fees were " + sum.String()})
	}
	return nil
}
