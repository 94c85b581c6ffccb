"""
An independent oracle for Viplane's firewall / router ACL evaluation (routing/filters.ts), written from
the model's and the rules' docs with Python's stdlib `ipaddress` only: it shares no code, no data
structure and no algorithm with the validator (packets are checked one by one against each rule,
rule sides are unions of address intervals merged before any containment question).

Semantics, as documented (model schema FilterRule, Firewall and Router; routing/filters.ts; the
flows/rule-shadowed doc):
- a rule side is a list of CIDRs (host bits name their network), single addresses, `start-end`
  ranges or element ids (here: networks only; a network stands for its subnet, a client network
  without a subnet for every address, a network without a subnet and an unknown id for nothing);
  an empty list or an `any` item (any case, blanks ignored) is every address of both families;
- ports: `any` or blank is every port; `443`, `30000-32767`, `22,443,8443` (blanks around items
  allowed) a union of inclusive spans;
- protocol: a rule's `any` matches every packet, `tcp`/`udp`/`icmp` only its own; a `tcp/udp` flow
  is a TCP and a UDP packet per port; a rule's ports only narrow packets that carry a port (TCP/UDP):
  ICMP and other IP protocols (`ip-proto-47`, flow ports null) are matched whatever the rule's ports say;
- a flow: address sets (spans), a protocol and port spans, and `sourcesAll`. Its packets are every
  (source address, destination address, protocol, port) it stands for: every member of the source set
  must reach every member of the destination set on every port (the vendors' requirement: every SE of
  the pool reaches every Controller node). Each packet takes the first rule whose protocol, ports and
  sides match it; none is a deny (firewall default deny, router ACL implicit deny). Client sources
  (`sourcesAll` false: narrowing the clients is policy) keep "some source": the source side is one
  value, and a rule's source side matches it when it meets some of its addresses; destinations and
  ports are still every one. Per protocol (in the order written), then per port span of the flow, a
  group is denied when one of its packets is, by the lowest-numbered rule that denies one (else the
  default deny), else allowed by the lowest-numbered rule that is some packet's first match. The flow:
  the first denied group's decision, else the first group's allow. So a deny never hides behind an
  allow of another port, protocol or address of the same flow; a router with an empty ACL filters
  nothing (no decision at all); a firewall with no rules denies;
- shadowed: a rule whose every packet an earlier single rule also matches - sources, destinations,
  protocol and ports each inside the earlier rule's (as sets: the union of its items) - reported
  once, with the first such earlier rule; a rule with a side that stands for no address matches
  nothing and is never reported (it cannot be judged).

stdin: {"networks": {id: {"kind", "subnet"}}, "cases": [{"fw": [rule], "rt": [rule], "tuples":
[{"sources": ["start-end"], "sourcesAll": bool, "destinations": ["start-end"], "protocol",
"ports": [[first, last]] | null}]}]}.
stdout, per case: {"fw": [decision], "rt": [decision], "fwShadow": ["n<m"], "rtShadow": ["n<m"]}, a
decision being "allow|n", "deny|n"
(n: 1-based rule number, 0 for the default / implicit deny) or "none".
"""
import ipaddress
import json
import re
import sys

V4_ALL = (4, 0, 2**32 - 1)
V6_ALL = (6, 0, 2**128 - 1)
PORT_ITEM = re.compile(r"^\s*(\d{1,5})\s*(?:-\s*(\d{1,5}))?\s*$")


def interval_of_text(t):
    """(family, first, last) of a CIDR, an address or a range; None when the text is none of those."""
    t = t.strip()
    try:
        if "-" in t[1:]:
            a, b = t.split("-", 1)
            a, b = ipaddress.ip_address(a), ipaddress.ip_address(b)
            return (a.version, int(a), int(b)) if a.version == b.version else None
        if "/" in t:
            n = ipaddress.ip_network(t, strict=False)
            return (n.version, int(n.network_address), int(n.broadcast_address))
        a = ipaddress.ip_address(t)
        return (a.version, int(a), int(a))
    except ValueError:
        return None


def side(items, networks):
    """The address set of a rule side, as a list of (family, first, last)."""
    if not items:
        return [V4_ALL, V6_ALL]
    out = []
    for item in items:
        if item.strip().lower() == "any":
            return [V4_ALL, V6_ALL]
        iv = interval_of_text(item)
        if iv is not None:
            out.append(iv)
            continue
        n = networks.get(item)
        if n is None:
            continue
        if n["subnet"] is not None:
            out.append(interval_of_text(n["subnet"]))
        elif n["kind"] == "clientNetwork":
            out += [V4_ALL, V6_ALL]
    return out


def ports_of(text):
    """Inclusive port spans; None is every port."""
    t = text.strip().lower()
    if t in ("", "any"):
        return None
    spans = []
    for part in t.split(","):
        m = PORT_ITEM.match(part)
        if not m:
            return None
        a = int(m.group(1))
        b = a if m.group(2) is None else int(m.group(2))
        if a > 65535 or b > 65535 or b < a:
            return None
        spans.append((a, b))
    return spans


def merged(spans):
    out = []
    for lo, hi in sorted(spans):
        if out and lo <= out[-1][1] + 1:
            out[-1][1] = max(out[-1][1], hi)
        else:
            out.append([lo, hi])
    return out


def inside(inner, outer):
    """Is the union of `inner` inside the union of `outer`? Spans are (lo, hi)."""
    m = merged(outer)
    return all(any(a <= lo and hi <= b for a, b in m) for lo, hi in merged(inner))


def addresses_inside(inner, outer):
    return all(inside([(lo, hi) for f, lo, hi in inner if f == fam], [(lo, hi) for f, lo, hi in outer if f == fam]) for fam in (4, 6))


class Rule:
    def __init__(self, r, networks):
        self.action = r["action"]
        self.protocol = r["protocol"]
        self.src = side(r["sources"], networks)
        self.dst = side(r["destinations"], networks)
        self.ports = ports_of(r["ports"])

    def matches_protocol_port(self, protocol, port):
        """Protocol tcp/udp/icmp/other; port an int, or None for a packet without one."""
        if self.protocol != "any" and self.protocol != protocol:
            return False
        if port is not None and protocol in ("tcp", "udp") and self.ports is not None:
            return any(a <= port <= b for a, b in self.ports)
        return True

    def packets_by_protocol(self):
        """Protocol -> the port spans it matches ([(0, 65535)] for every port; None for portless packets)."""
        every = [(0, 65535)] if self.ports is None else self.ports
        out = {"icmp": None, "other": None, "tcp": every, "udp": every}
        return out if self.protocol == "any" else {self.protocol: out[self.protocol]}


def span_of(text):
    """A flow's `start-end` address span as (family, first, last)."""
    a, b = (ipaddress.ip_address(x) for x in text.split("-"))
    return (a.version, int(a), int(b))


def pieces(spans, cuts):
    """One value per elementary piece of the spans: they are split wherever a rule's port set starts or
    ends, so every rule matches all of a piece or none of it and the piece's first value stands for it."""
    out = []
    for lo, hi in spans:
        out += sorted({lo} | {c for c in cuts if lo < c <= hi})
    return out


def meets(rule_side, flow_side):
    return any(f == g and lo <= hi2 and lo2 <= hi for f, lo, hi in rule_side for g, lo2, hi2 in flow_side)


def address_pieces(flow_side, rule_sides):
    """One (family, address) per elementary piece of a flow's address set: it is cut wherever an interval
    of a rule side starts or ends, so every rule side holds all of a piece or none of it."""
    out = set()
    for fam, lo, hi in flow_side:
        cuts = {x for r in rule_sides for f, a, b in r if f == fam for x in (a, b + 1)}
        out |= {(fam, v) for v in {lo} | {c for c in cuts if lo < c <= hi}}
    return out


def holds(rule_side, point):
    fam, v = point
    return any(f == fam and lo <= v <= hi for f, lo, hi in rule_side)


def mask(flags):
    """The rules (bit n-1 for rule n) a piece matches in one dimension."""
    return sum(1 << i for i, ok in enumerate(flags) if ok)


def decide(rules, kind, t):
    """Each packet of the flow (per protocol, port group, source and destination piece) takes the first
    rule that matches it; client sources are one piece that a rule meets or not."""
    if kind == "router" and not rules:
        return "none"
    protocols = ["tcp", "udp"] if t["protocol"] == "tcp/udp" else [t["protocol"] if t["protocol"] in ("tcp", "udp", "icmp") else "other"]
    srcs = [span_of(x) for x in t["sources"]]
    dsts = [span_of(x) for x in t["destinations"]]
    if t["sourcesAll"]:
        src_masks = {mask(holds(r.src, p) for r in rules) for p in address_pieces(srcs, [r.src for r in rules])}
    else:
        src_masks = {mask(meets(r.src, srcs) for r in rules)}
    dst_masks = {mask(holds(r.dst, p) for r in rules) for p in address_pieces(dsts, [r.dst for r in rules])}
    cuts = {x for r in rules for lo, hi in (r.ports or []) for x in (lo, hi + 1)}
    groups = [None] if t["ports"] is None else t["ports"]
    first_allow = None
    for protocol in protocols:
        for group in groups:
            ports = [None] if group is None or protocol == "icmp" else pieces([group], cuts)
            port_masks = {mask(r.matches_protocol_port(protocol, port) for r in rules) for port in ports}
            firsts = set()
            for s in src_masks:
                for d in dst_masks:
                    for p in port_masks:
                        m = s & d & p
                        # The lowest set bit: the first rule matching the packet; 0 for none.
                        firsts.add((m & -m).bit_length())
            if not firsts:
                # An empty side: no packet, and no rule meets the flow.
                firsts = {0}
            denied = [n for n in firsts if n > 0 and rules[n - 1].action == "deny"]
            if denied:
                return "deny|%d" % min(denied)
            if 0 in firsts:
                return "deny|0"
            if first_allow is None:
                first_allow = "allow|%d" % min(firsts)
    return first_allow


def covers(a, b):
    """Does rule `a` match every packet of rule `b`?"""
    pa, pb = a.packets_by_protocol(), b.packets_by_protocol()
    for proto, spans in pb.items():
        if proto not in pa:
            return False
        if spans is not None and not inside(spans, pa[proto]):
            return False
    return addresses_inside(b.src, a.src) and addresses_inside(b.dst, a.dst)


def shadowed(rules):
    out = []
    for j, b in enumerate(rules):
        if not b.src or not b.dst:
            continue
        for i in range(j):
            if covers(rules[i], b):
                out.append("%d<%d" % (j + 1, i + 1))
                break
    return out


def main():
    data = json.load(sys.stdin)
    networks = data["networks"]
    result = []
    for case in data["cases"]:
        fw = [Rule(r, networks) for r in case["fw"]]
        rt = [Rule(r, networks) for r in case["rt"]]
        result.append(
            {
                "fw": [decide(fw, "firewall", t) for t in case["tuples"]],
                "rt": [decide(rt, "router", t) for t in case["tuples"]],
                "fwShadow": shadowed(fw),
                "rtShadow": shadowed(rt),
            }
        )
    json.dump(result, sys.stdout)


main()
