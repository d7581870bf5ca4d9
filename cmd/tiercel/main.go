package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/tiercel/tiercel/rules"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// command is one subcommand of tiercel.
type command struct {
	name     string
	synopsis string // the arguments after the command name
	summary  string // one line for the command list
	help     string // paragraphs shown by --help
	example  string // shown by --help, one command per line
	csv      bool   // --output csv is one of its formats
	setup    func(fs *flag.FlagSet) func(c *cli, args []string) error
}

var commands []*command

func init() {
	commands = []*command{checkCommand, testCommand, deadlineCommand, explainCommand, compareCommand, replayCommand, timelineCommand, quoteCommand, eligibilityCommand, allowedCommand, invoiceCommand, diffCommand, impactCommand, importCommand, exportCommand, catalogCommand, tiersCommand, lintCommand, serveCommand, auditCommand}
}

// run executes the command line args (without the program name) and returns
// the exit status. It never panics on bad input and prints no Go stack trace.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	name := args[0]
	switch name {
	case "-h", "-help", "--help", "help":
		if name == "help" && len(args) > 1 {
			return run([]string{args[1], "--help"}, stdout, stderr)
		}
		usage(stdout)
		return exitOK
	case "version", "--version", "-version":
		fmt.Fprintln(stdout, versionLine(debug.ReadBuildInfo()))
		return exitOK
	}
	for _, cmd := range commands {
		if cmd.name == name {
			return cmd.execute(args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "tiercel: unknown command %q\n\n", name)
	usage(stderr)
	return exitUsage
}

// versionLine is what --version prints: the module version the command was
// built from ("(devel)" in a clone) and the catalog format it reads.
func versionLine(info *debug.BuildInfo, ok bool) string {
	v := "(unknown)"
	if ok && info.Main.Version != "" {
		v = info.Main.Version
	}
	return fmt.Sprintf("tiercel %s (catalog format version 1)", v)
}

func usage(w io.Writer) {
	fmt.Fprint(w, `tiercel answers questions about support tiers written in YAML: when a
case's response is due, how targets change between tiers, what a tier
costs, whether a legacy contract must migrate, and who may act on a case.

Usage:
  tiercel COMMAND [flags] [arguments]

Commands:
`)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, c := range commands {
		fmt.Fprintf(tw, "  %s\t%s\n", c.name, c.summary)
	}
	tw.Flush()
	fmt.Fprint(w, `
Every command takes --catalog FILE (repeatable; default: the embedded
catalog of Google Cloud Customer Care and Looker tiers) or --builtin NAME (a
catalog shipped with tiercel: `+strings.Join(rules.Catalogs(), ", ")+`), and
--output text|json. Run 'tiercel COMMAND --help' for details and an example.

Exit status: 0 on success; 1 when the answer is "no" (a permission denied,
a contract not eligible), a diff found changes, or a check or test failed;
2 when the command line is wrong; 3 when an input file (catalog, suite,
case history, contract, spends) is missing or invalid; 4 when the catalog
cannot decide the question (unknown tier, no target or price, a zone or
country required); 5 when a limit is passed (cost limit, input too large,
a duration or amount that overflows, an instant past year 9999); 6 on an
internal error.
`)
}

// cli is what a command runs with: its flags, parsed, and where it writes.
type cli struct {
	name     string
	stdout   io.Writer
	stderr   io.Writer
	catalogs []string
	builtin  builtinFlag
	output   string
	cover    *coverageRun // test --coverage's collector; nil otherwise
}

// builtinFlag is --builtin NAME: the name of a catalog shipped with tiercel
// (rules.Catalogs), checked when the flag is parsed. It may be given once.
type builtinFlag struct {
	name string
	set  bool
}

func (b *builtinFlag) String() string { return b.name }

func (b *builtinFlag) Set(v string) error {
	if b.set {
		return fmt.Errorf("given twice (%q, then %q): name one shipped catalog", b.name, v)
	}
	if _, err := rules.Named(v); err != nil {
		return err
	}
	b.name, b.set = v, true
	return nil
}

// catalogFlags returns a usage error when both --builtin and --catalog are
// given: a shipped catalog is not merged with files.
func (c *cli) catalogFlags() error {
	if c.builtin.set && len(c.catalogs) > 0 {
		return usagef("--builtin %s and --catalog %s cannot be combined: --builtin names a catalog shipped with tiercel, --catalog loads files; give one",
			c.builtin.name, strings.Join(c.catalogs, ", "))
	}
	return nil
}

// customCatalog reports whether --catalog or --builtin chose the catalog.
func (c *cli) customCatalog() bool { return c.builtin.set || len(c.catalogs) > 0 }

// catalogFlag names the flag that chose the catalog in messages: "--builtin
// aws" or "--catalog".
func (c *cli) catalogFlag() string {
	if c.builtin.set {
		return "--builtin " + c.builtin.name
	}
	return "--catalog"
}

// stringsFlag is a repeatable string flag.
type stringsFlag []string

func (s *stringsFlag) String() string     { return strings.Join(*s, ",") }
func (s *stringsFlag) Set(v string) error { *s = append(*s, v); return nil }

func (cmd *command) printHelp(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprintf(w, "Usage: tiercel %s [flags] %s\n\n%s\n\nFlags:\n", cmd.name, cmd.synopsis, strings.TrimSpace(cmd.help))
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
	fmt.Fprintf(w, "\nExample:\n")
	for _, line := range strings.Split(strings.TrimSpace(cmd.example), "\n") {
		fmt.Fprintf(w, "  %s\n", strings.TrimSpace(line))
	}
}

func (cmd *command) execute(args []string, stdout, stderr io.Writer) int {
	c := &cli{name: cmd.name, stdout: stdout, stderr: stderr}
	fs := flag.NewFlagSet("tiercel "+cmd.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Var((*stringsFlag)(&c.catalogs), "catalog", "catalog `FILE` to load; repeat to merge several (default: the embedded catalog)")
	fs.Var(&c.builtin, "builtin", "use the catalog shipped with tiercel called `NAME` instead of files: "+
		strings.Join(rules.Catalogs(), " or "))
	formats := "text or json"
	if cmd.csv {
		formats = "text, json or csv"
	}
	fs.StringVar(&c.output, "output", "text", "output `format`: "+formats)
	body := cmd.setup(fs)
	positional, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		cmd.printHelp(stdout, fs)
		return exitOK
	}
	if err == nil && c.output != "text" && c.output != "json" && (!cmd.csv || c.output != "csv") {
		err = usagef("--output must be %s, got %q", formats, c.output)
	}
	if err == nil {
		err = c.catalogFlags()
	}
	if err == nil {
		err = body(c, positional)
	}
	return c.exit(err)
}

// parseInterspersed parses flags that may come before, between or after
// the positional arguments; "--" ends the flags. An argument that starts
// with a minus sign and a digit is a negative amount, not a flag.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for len(args) > 0 {
		a := args[0]
		if a == "--" {
			return append(positional, args[1:]...), nil
		}
		if len(a) < 2 || a[0] != '-' || isNegativeNumber(a) {
			positional = append(positional, a)
			args = args[1:]
			continue
		}
		n := 1 // the flag, and its value when it takes one and has no "="
		name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if f := fs.Lookup(name); f != nil && !hasValue && !isBoolFlag(f) && len(args) > 1 {
			n = 2
		}
		if err := fs.Parse(args[:n]); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usagef("%s", err)
		}
		args = args[n:]
	}
	return positional, nil
}

// isNegativeNumber reports whether a reads as a negative amount: a minus
// sign, then a digit or a decimal point.
func isNegativeNumber(a string) bool {
	return len(a) > 1 && a[0] == '-' && (a[1] >= '0' && a[1] <= '9' || a[1] == '.')
}

func isBoolFlag(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// engine returns the --builtin catalog, loads the --catalog files, or
// returns the embedded default catalog. A --catalog file that does not
// exist but is named like a shipped catalog gets a hint to use --builtin.
func (c *cli) engine() (*rules.Engine, error) {
	if c.builtin.set {
		return rules.Named(c.builtin.name) // the name was checked when parsed
	}
	if len(c.catalogs) == 0 {
		return rules.Default(), nil
	}
	e, err := rules.Load(c.catalogs...)
	if err != nil {
		return nil, builtinHint(err, c.catalogs)
	}
	return e, nil
}

// builtinHint adds "(... for the catalog shipped with tiercel called aws,
// give --builtin aws)" to err when one of the catalog files does not exist
// and its path is the name of a shipped catalog: catalog arguments are always
// files, a shipped catalog is named with --builtin.
func builtinHint(err error, files []string) error {
	for _, f := range files {
		if _, serr := os.Stat(f); !errors.Is(serr, os.ErrNotExist) {
			continue
		}
		if slices.Contains(rules.Catalogs(), f) {
			return fmt.Errorf("%w (catalogs are read from files; for the catalog shipped with tiercel called %s, give --builtin %s)", err, f, f)
		}
	}
	return err
}

func (c *cli) json() bool { return c.output == "json" }

func (c *cli) writeJSON(v any) error {
	enc := json.NewEncoder(c.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// table writes aligned columns to stdout; rows are tab-separated cells.
type table struct{ tw *tabwriter.Writer }

func (c *cli) table() *table { return &table{tw: tabwriter.NewWriter(c.stdout, 0, 0, 2, ' ', 0)} }

func (t *table) row(cells ...string) {
	fmt.Fprintln(t.tw, strings.TrimRight(strings.Join(cells, "\t"), "\t"))
}

func (t *table) flush() { t.tw.Flush() }
