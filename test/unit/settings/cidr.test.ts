import {
  cidrContains,
  cidrsOverlap,
  formatCidr,
  parseIpv4Cidr,
  parseVpcCidr,
} from '../../../src/settings/cidr.js';
import type { Ipv4Cidr } from '../../../src/settings/cidr.js';
import {
  SettingsError,
  derivedSubnetsNote,
  inputsFrom,
  loadSettings,
} from '../../../src/settings/index.js';

function cidr(text: string): Ipv4Cidr {
  const parsed = parseIpv4Cidr(text);
  if (!parsed.ok) throw new Error(parsed.details.join('; '));
  return parsed.value;
}

function problemsWith(overrides: Record<string, string>): string[] {
  try {
    loadSettings(
      inputsFrom({ 'environment-name': 'e', 'aws-region': 'us-east-1', ...overrides }),
      {},
    );
  } catch (error) {
    if (error instanceof SettingsError) return error.problems.map((p) => p.message);
    throw error;
  }
  throw new Error('expected a SettingsError');
}

describe('parseIpv4Cidr', () => {
  it.each(['10.192.0.0/16', '0.0.0.0/0', '255.255.255.255/32', '172.16.0.0/12', '10.0.0.16/28'])(
    'accepts %s and writes it back unchanged',
    (text) => {
      expect(formatCidr(cidr(text))).toBe(text);
    },
  );

  it.each([
    ['10.0.0/16', 'is not an IPv4 CIDR'],
    ['10.0.0.0.0/16', 'is not an IPv4 CIDR'],
    ['10.0.0.256/16', 'each of the four numbers must be 0 to 255 without leading zeros'],
    ['10.0.01.0/24', 'without leading zeros'],
    ['10.0.0.0/33', 'the prefix must be 0 to 32'],
    ['10.0.0.0/016', 'the prefix must be 0 to 32'],
    ['10.0.0.0', 'has no prefix length'],
    ['10.0.0.0/', 'is not an IPv4 CIDR'],
    [' 10.0.0.0/16', 'is not an IPv4 CIDR'],
    ['2001:db8::/32', 'is an IPv6 address; MWAA subnets need IPv4 CIDRs'],
    ['::ffff:10.0.0.0/112', 'IPv6'],
  ])('rejects %s (%s)', (text, reason) => {
    const parsed = parseIpv4Cidr(text);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.details.join()).toContain(reason);
  });

  it('rejects host bits and names the network address', () => {
    const parsed = parseIpv4Cidr('10.0.0.1/16');
    expect(parsed.ok ? '' : parsed.details[0]).toBe(
      "'10.0.0.1/16' has host bits set: the address of a /16 block must be its network address (did you mean 10.0.0.0/16?)",
    );
    const high = parseIpv4Cidr('192.168.1.130/25');
    expect(high.ok ? '' : high.details[0]).toContain('did you mean 192.168.1.128/25?');
  });
});

describe('parseVpcCidr', () => {
  it.each(['10.0.0.0/16', '10.0.0.0/28'])('accepts the bounds: %s', (text) => {
    expect(parseVpcCidr(text).ok).toBe(true);
  });

  it.each([
    ['10.0.0.0/15', '/15'],
    ['10.0.0.0/29', '/29'],
  ])('rejects %s', (text, prefix) => {
    const parsed = parseVpcCidr(text);
    expect(parsed.ok ? '' : parsed.details[0]).toBe(
      `'${text}' has prefix ${prefix}; VPC and subnet blocks must be /16 to /28`,
    );
  });
});

describe('containment and overlap', () => {
  it('contains a subnet inside the VPC, not one outside or larger', () => {
    expect(cidrContains(cidr('10.192.0.0/16'), cidr('10.192.255.240/28'))).toBe(true);
    expect(cidrContains(cidr('10.192.0.0/16'), cidr('10.192.0.0/16'))).toBe(true);
    expect(cidrContains(cidr('10.192.0.0/16'), cidr('10.193.0.0/24'))).toBe(false);
    expect(cidrContains(cidr('10.192.10.0/24'), cidr('10.192.0.0/16'))).toBe(false);
    expect(cidrContains(cidr('0.0.0.0/0'), cidr('255.255.255.0/24'))).toBe(true);
  });

  it('finds overlaps either way round, and not between neighbours', () => {
    expect(cidrsOverlap(cidr('10.0.0.0/23'), cidr('10.0.1.0/24'))).toBe(true);
    expect(cidrsOverlap(cidr('10.0.1.0/24'), cidr('10.0.0.0/23'))).toBe(true);
    expect(cidrsOverlap(cidr('10.0.0.0/24'), cidr('10.0.1.0/24'))).toBe(false);
    expect(cidrsOverlap(cidr('128.0.0.0/24'), cidr('128.0.0.0/24'))).toBe(true);
  });
});

describe('network inputs in loadSettings', () => {
  it('names the input of a malformed CIDR', () => {
    expect(problemsWith({ 'vpc-cidr': '10.0.0/16' })).toContain(
      "Invalid input 'vpc-cidr': '10.0.0/16' is not an IPv4 CIDR: expected an IPv4 CIDR like 10.192.0.0/16 (four numbers 0-255, '/', prefix).",
    );
    expect(problemsWith({ 'public-subnet-2-cidr': '10.192.11.1/24' })).toEqual([
      "Invalid input 'public-subnet-2-cidr': '10.192.11.1/24' has host bits set: the address of a /24 block must be its network address (did you mean 10.192.11.0/24?).",
    ]);
    expect(problemsWith({ 'private-subnet-1-cidr': 'fd00::/64' })[0]).toMatch(
      /^Invalid input 'private-subnet-1-cidr': 'fd00::\/64' is an IPv6 address/,
    );
    expect(problemsWith({ 'vpc-cidr': '10.192.0.0/15' })[0]).toContain("Invalid input 'vpc-cidr'");
    expect(problemsWith({ 'private-subnet-2-cidr': '10.192.21.0/29' })[0]).toContain(
      "Invalid input 'private-subnet-2-cidr': '10.192.21.0/29' has prefix /29",
    );
  });

  it('rejects a subnet outside the VPC CIDR', () => {
    expect(problemsWith({ 'private-subnet-1-cidr': '10.193.20.0/24' })).toEqual([
      "Invalid input 'private-subnet-1-cidr': '10.193.20.0/24' is not inside vpc-cidr 10.192.0.0/16.",
    ]);
    // A given subnet is checked against the VPC as given, never replaced by a derived one.
    expect(
      problemsWith({ 'vpc-cidr': '10.0.0.0/16', 'public-subnet-1-cidr': '10.192.10.0/24' }),
    ).toEqual([
      "Invalid input 'public-subnet-1-cidr': '10.192.10.0/24' is not inside vpc-cidr 10.0.0.0/16.",
    ]);
  });

  it('derives the subnets nobody gave from vpc-cidr with the seed layout, and says so', () => {
    const network = (inputs: Record<string, string>) =>
      loadSettings(
        inputsFrom({ 'environment-name': 'a', 'aws-region': 'us-east-1', ...inputs }),
        {},
      ).network;
    // The default VPC gives back the seed template's own values, with no note.
    expect(network({})).toMatchObject({
      publicSubnet1Cidr: '10.192.10.0/24',
      publicSubnet2Cidr: '10.192.11.0/24',
      privateSubnet1Cidr: '10.192.20.0/24',
      privateSubnet2Cidr: '10.192.21.0/24',
    });
    expect(derivedSubnetsNote(network({}))).toBeUndefined();
    const ten = network({ 'vpc-cidr': '10.0.0.0/16', 'private-subnet-2-cidr': '10.0.99.0/24' });
    expect(ten).toMatchObject({
      publicSubnet1Cidr: '10.0.10.0/24',
      publicSubnet2Cidr: '10.0.11.0/24',
      privateSubnet1Cidr: '10.0.20.0/24',
      privateSubnet2Cidr: '10.0.99.0/24',
      derived: ['public-subnet-1-cidr', 'public-subnet-2-cidr', 'private-subnet-1-cidr'],
    });
    expect(derivedSubnetsNote(ten)).toBe(
      "Derived from vpc-cidr 10.0.0.0/16 with the seed template's layout (give the input to choose another): " +
        'public-subnet-1-cidr 10.0.10.0/24, public-subnet-2-cidr 10.0.11.0/24, private-subnet-1-cidr 10.0.20.0/24.',
    );
    // /20: the seed layout's /28 blocks; /24: four equal quarters; /27: no room, say what to give.
    expect(network({ 'vpc-cidr': '172.16.16.0/20' })).toMatchObject({
      publicSubnet1Cidr: '172.16.16.160/28',
      privateSubnet2Cidr: '172.16.17.80/28',
    });
    expect(network({ 'vpc-cidr': '10.192.0.0/24' })).toMatchObject({
      publicSubnet1Cidr: '10.192.0.0/26',
      publicSubnet2Cidr: '10.192.0.64/26',
      privateSubnet1Cidr: '10.192.0.128/26',
      privateSubnet2Cidr: '10.192.0.192/26',
    });
    expect(problemsWith({ 'vpc-cidr': '10.192.0.0/27' })).toEqual(
      [
        'public-subnet-1-cidr',
        'public-subnet-2-cidr',
        'private-subnet-1-cidr',
        'private-subnet-2-cidr',
      ].map(
        (input) =>
          `Missing input '${input}': vpc-cidr 10.192.0.0/27 is too small to derive four subnets of /28 or larger; give the four subnet CIDRs.`,
      ),
    );
  });

  it('rejects overlapping subnets once per pair, on the later input', () => {
    expect(
      problemsWith({
        'public-subnet-2-cidr': '10.192.10.128/25',
        'private-subnet-2-cidr': '10.192.20.0/24',
      }),
    ).toEqual([
      "Invalid input 'public-subnet-2-cidr': '10.192.10.128/25' overlaps public-subnet-1-cidr 10.192.10.0/24; the four subnets must not share addresses.",
      "Invalid input 'private-subnet-2-cidr': '10.192.20.0/24' overlaps private-subnet-1-cidr 10.192.20.0/24; the four subnets must not share addresses.",
    ]);
  });

  it('accepts a custom, consistent address plan', () => {
    const settings = loadSettings(
      inputsFrom({
        'environment-name': 'e',
        'aws-region': 'us-east-1',
        'vpc-cidr': '172.31.0.0/20',
        'public-subnet-1-cidr': '172.31.0.0/24',
        'public-subnet-2-cidr': '172.31.1.0/24',
        'private-subnet-1-cidr': '172.31.8.0/22',
        'private-subnet-2-cidr': '172.31.12.0/22',
      }),
      {},
    );
    expect(settings.network.privateSubnet2Cidr).toBe('172.31.12.0/22');
  });
});
