package rules

import (
	"github.com/tiercel/tiercel/entitlement"
	"go.yaml.in/yaml/v3"
)

func (d *decoder) parsePrice(f field) *entitlement.Price {
	if f.vn == nil || f.vn.Kind != yaml.MappingNode {
		d.fail(orNode(f.vn, f.kn), f.path, nil, "must be a mapping with currency, minimum and bands")
		return nil
	}
	fields := d.mapping(f.vn, f.path, priceKeys)
	if !d.require(f.kn, f.path, fields, "currency", "bands") {
		return nil
	}
	p := &entitlement.Price{}
	ok := true
	for _, c := range fields {
		if c.key == "currency" {
			cur, good := d.str(c)
			if !good {
				return nil
			}
			if _, known := entitlement.CurrencyDigits(cur); !known {
				d.fail(c.vn, c.path, entitlement.ErrMalformedMoney, "unknown currency %q", cur)
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
		switch c.key {
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
			items := d.list(c)
			if len(items) == 0 {
				d.fail(orNode(c.vn, c.kn), c.path, nil, "at least one band is required")
				ok = false
			}
			for i, it := range items {
				bf := d.mapping(it.n, it.path, bandKeys)
				if it.n.Kind != yaml.MappingNode {
					ok = false
					continue
				}
				if !d.require(it.n, it.path, bf, "rate") {
					ok = false
					continue
				}
				b := entitlement.Band{Unbounded: true}
				for _, x := range bf {
					switch x.key {
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
					d.fail(it.n, it.path, entitlement.ErrInvalidPrice, "band follows an unbounded band: only the last band may omit upTo")
					ok = false
				}
				if ok && i > 0 && !b.Unbounded {
					if cmp, _ := b.UpTo.Cmp(p.Bands[i-1].UpTo); cmp <= 0 {
						d.fail(it.n, it.path, entitlement.ErrInvalidPrice, "upTo %s is not above the previous band's %s", b.UpTo, p.Bands[i-1].UpTo)
						ok = false
					}
				}
				if ok && i == len(items)-1 && !b.Unbounded {
					d.fail(it.n, it.path, entitlement.ErrInvalidPrice, "the last band must have no upTo, so every spend is priced")
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
		d.fail(f.vn, f.path, err, "%v", err)
		return nil
	}
	return p
}
