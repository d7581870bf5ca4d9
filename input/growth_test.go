package input

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"github.com/tiercel/tiercel/internal/readfile"
)

// The growth benchmarks read each kind of file at 1, 4 and 16 MiB (just
// under readfile.MaxSize), YAML documents at 1 and 4 MiB (just under
// MaxYAMLSize): the time per op grows with the size, linearly.
//
//	go test -run '^$' -bench 'Growth' -benchmem ./input/

// growthSizes are the sizes each reader is measured at.
var growthSizes = []struct {
	name string
	size int
}{{"1MiB", 1 << 20}, {"4MiB", 4 << 20}, {"16MiB", readfile.MaxSize - 4<<10}}

// grow returns head then rows written by row(i) until the next would pass
// size, then tail.
func grow(size int, head, tail string, row func(b *bytes.Buffer, i int)) []byte {
	var b bytes.Buffer
	b.Grow(size)
	b.WriteString(head)
	var r bytes.Buffer
	for i := 0; ; i++ {
		r.Reset()
		row(&r, i)
		if b.Len()+r.Len()+len(tail) > size {
			break
		}
		b.Write(r.Bytes())
	}
	b.WriteString(tail)
	return b.Bytes()
}

// yamlSizes are the sizes the YAML readers are measured at.
var yamlSizes = []struct {
	name string
	size int
}{{"1MiB", 1 << 20}, {"4MiB", MaxYAMLSize - 4<<10}}

// benchGrowth runs parse on the input make builds at each size.
func benchGrowth(b *testing.B, make func(size int) []byte, parse func(src []byte) error) {
	benchSizes(b, growthSizes, make, parse)
}

// benchSizes runs parse on the input make builds at each of sizes.
func benchSizes(b *testing.B, sizes []struct {
	name string
	size int
}, make func(size int) []byte, parse func(src []byte) error) {
	for _, s := range sizes {
		src := make(s.size)
		b.Run(s.name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				if err := parse(src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

var growthStart = time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)

// caseFileYAML is a case file with as many events as fit in size.
func caseFileYAML(size int) []byte {
	return grow(size, "tier: std\npriority: P2\nopened: 2026-03-02T00:00:00Z\nnow: 2030-01-01T00:00:00Z\nzone: Europe/Berlin\nevents:\n", "",
		func(b *bytes.Buffer, i int) {
			fmt.Fprintf(b, "  - {at: %s, type: message, by: %s, attrs: {n: %d}}\n",
				growthStart.Add(time.Duration(i)*time.Second).Format(time.RFC3339), []string{"customer", "agent"}[i%2], i)
		})
}

// caseFileJSON is caseFileYAML written as JSON.
func caseFileJSON(size int) []byte {
	return grow(size, `{"tier": "std", "priority": "P2", "opened": "2026-03-02T00:00:00Z", "now": "2030-01-01T00:00:00Z", "events": [`+"\n", "]}\n",
		func(b *bytes.Buffer, i int) {
			if i > 0 {
				b.WriteString(",\n")
			}
			fmt.Fprintf(b, `{"at": %q, "type": "message", "by": %q}`,
				growthStart.Add(time.Duration(i)*time.Second).Format(time.RFC3339), []string{"customer", "agent"}[i%2])
		})
}

func BenchmarkGrowthCaseFileYAML(b *testing.B) {
	benchSizes(b, yamlSizes, caseFileYAML, func(src []byte) error { _, err := ParseCaseFile("case.yaml", src); return err })
}

func BenchmarkGrowthCaseFileJSON(b *testing.B) {
	benchGrowth(b, caseFileJSON, func(src []byte) error { _, err := ParseCaseFile("case.json", src); return err })
}

func BenchmarkGrowthCSV(b *testing.B) {
	benchGrowth(b, func(size int) []byte {
		return grow(size, "opened,priority,zone,country,plan\n", "", func(b *bytes.Buffer, i int) {
			fmt.Fprintf(b, "%s,P%d,America/New_York,us,gold\n", growthStart.Add(time.Duration(i)*time.Minute).Format(time.RFC3339), i%4+1)
		})
	}, func(src []byte) error { _, err := ParseCSV("h.csv", src); return err })
}

func BenchmarkGrowthJSONL(b *testing.B) {
	benchGrowth(b, func(size int) []byte {
		return grow(size, "", "", func(b *bytes.Buffer, i int) {
			fmt.Fprintf(b, `{"opened": %q, "priority": "P%d", "zone": "America/New_York", "attrs": {"plan": "gold", "seats": %d}}`+"\n",
				growthStart.Add(time.Duration(i)*time.Minute).Format(time.RFC3339), i%4+1, i)
		})
	}, func(src []byte) error { _, err := ParseJSONL("h.jsonl", src); return err })
}

func BenchmarkGrowthContractJSON(b *testing.B) {
	benchGrowth(b, func(size int) []byte {
		return grow(size, `{"account": "acme", "tier": "looker-premier", "zone": "Europe/Berlin", "start": "2025-07-15", "renewal": "2026-07-15", "fee": "5000 USD", "attrs": {`+"\n", "}}\n",
			func(b *bytes.Buffer, i int) {
				if i > 0 {
					b.WriteString(",\n")
				}
				fmt.Fprintf(b, `"k%d": "v%d"`, i, i)
			})
	}, func(src []byte) error { _, err := ParseContract("c.json", src); return err })
}

func BenchmarkGrowthContract(b *testing.B) {
	benchSizes(b, yamlSizes, func(size int) []byte {
		return grow(size, "account: acme\ntier: looker-premier\nzone: Europe/Berlin\nstart: 2025-07-15\nrenewal: 2026-07-15\nfee: 5000 USD\nattrs:\n", "",
			func(b *bytes.Buffer, i int) { fmt.Fprintf(b, "  k%d: v%d\n", i, i) })
	}, func(src []byte) error { _, err := ParseContract("c.yaml", src); return err })
}

func BenchmarkGrowthSpends(b *testing.B) {
	benchGrowth(b, func(size int) []byte {
		return grow(size, "month,account,spend\n", "", func(b *bytes.Buffer, i int) {
			fmt.Fprintf(b, "%04d-%02d,acct%d,%d.%02d USD\n", 2000+i/12%7000, i%12+1, i%97, 1000+i%5000, i%100)
		})
	}, func(src []byte) error { _, err := ParseSpends("s.csv", src); return err })
}
