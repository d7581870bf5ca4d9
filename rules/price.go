package rules

import (
	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/internal/yamlpos"
	"go.yaml.in/yaml/v3"
)

// priceKeys and bandKeys are the keys of a tier's price and of its bands.
var (
	priceKeys = []string{"currency", "minimum", "bands", "proration"}
	bandKeys  = []string{"upTo", "rate"}
)

func (d *decoder) parsePrice(f field) *entitlement.Price {
	if f.Value == nil || f.Value.Kind != yaml.MappingNode {
		d.Fail(yamlpos.OrNode(f.Value, f.KeyNode), f.Path, nil, "must be a mapping with currency, minimum and bands")
		return nil
	}
	fields := d.Mapping(f.Value, f.Path, priceKeys)
	if !d.Require(f.KeyNode, f.Path, fields, "currency", "bands") {
		return nil
	}
	p := &entitlement.Price{}
	ok := true
	for _, c := range fields {
		if c.Key == "currency" {
			cur, good := d.Str(c)
			if !good {
				return nil
			}
			if _, known := entitlement.CurrencyDigits(cur); !known {
				d.Fail(c.Value, c.Path, entitlement.ErrMalformedMoney, "unknown currency %q", cur)
				return nil
			}
			p.Currency = cur
		}
	}
	amount := func(f field) (entitlement.Money, bool) {
		return parsed(d, f, func(s string) (entitlement.Money, error) { return entitlement.ParseAmount(s, p.Currency) })
	}
	p.Minimum, _ = entitlement.NewMoney(0, p.Currency)
	for _, c := range fields {
		switch c.Key {
		case "minimum":
			if m, good := amount(c); good {
				p.Minimum = m
			} else {
				ok = false
			}
		case "proration":
			pr, good := parsed(d, c, entitlement.ParseProration)
			if !good {
				ok = false
				continue
			}
			p.Proration = pr
		case "bands":
			items := d.List(c)
			if len(items) == 0 {
				d.Fail(yamlpos.OrNode(c.Value, c.KeyNode), c.Path, nil, "at least one band is required")
				ok = false
			}
			for i, it := range items {
				bf := d.Mapping(it.Node, it.Path, bandKeys)
				if it.Node.Kind != yaml.MappingNode {
					ok = false
					continue
				}
				if !d.Require(it.Node, it.Path, bf, "rate") {
					ok = false
					continue
				}
				b := entitlement.Band{Unbounded: true}
				for _, x := range bf {
					switch x.Key {
					case "upTo":
						m, good := amount(x)
						if !good {
							ok = false
							continue
						}
						b.UpTo, b.Unbounded = m, false
					case "rate":
						r, good := parsed(d, x, entitlement.ParseRate)
						if !good {
							ok = false
							continue
						}
						b.Rate = r
					}
				}
				if ok && i > 0 && p.Bands[i-1].Unbounded {
					d.Fail(it.Node, it.Path, entitlement.ErrInvalidPrice, "band follows an unbounded band: only the last band may omit upTo")
					ok = false
				}
				if ok && i > 0 && !b.Unbounded {
					if cmp, _ := b.UpTo.Cmp(p.Bands[i-1].UpTo); cmp <= 0 {
						d.Fail(it.Node, it.Path, entitlement.ErrInvalidPrice, "upTo %s is not above the previous band's %s", b.UpTo, p.Bands[i-1].UpTo)
						ok = false
					}
				}
				if ok && i == len(items)-1 && !b.Unbounded {
					d.Fail(it.Node, it.Path, entitlement.ErrInvalidPrice, "the last band must have no upTo, so every spend is priced")
					ok = false
				}
				p.Bands = append(p.Bands, b)
			}
		}
	}
	if !ok {
		return nil
	}
	if err := p.Validate(); err != nil {
		d.Fail(f.Value, f.Path, err, "%v", err)
		return nil
	}
	return p
}
