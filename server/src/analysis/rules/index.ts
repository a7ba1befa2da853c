// The rule registry. Every rule has a file here, a test in test/rules/ and a doc page in
// docs/rules/; test/rules/registry.test.ts fails when one is missing.
import type { Rule } from '../rule.js';
import type { RuleMeta } from '../types.js';
import type { WorkspaceRule } from '../workspace-rule.js';
import { pairAdvertIntDiffers } from './pair-advert-int-differs.js';
import { pairAuthDiffers } from './pair-auth-differs.js';
import { pairPriorityTie } from './pair-priority-tie.js';
import { pairUnicastMismatch } from './pair-unicast-mismatch.js';
import { pairRealServersDiffer } from './pair-real-servers-differ.js';
import { pairVipsDiffer } from './pair-vips-differ.js';
import { pairVirtualServersDiffer } from './pair-virtual-servers-differ.js';
import { pairVirtualServerSettingsDiffer } from './pair-virtual-server-settings-differ.js';
import { pairSyncGroupDiffers } from './pair-sync-group-differs.js';
import { pairVersionDiffers } from './pair-version-differs.js';
import { parameterWrongNode } from './parameter-wrong-node.js';
import { swappedNodeParameters } from './swapped-node-parameters.js';
import { virtualServerAddressNotVip } from './virtual-server-address-not-vip.js';
import { vridConflict } from './vrid-conflict.js';
import { vrrpBlockedByFirewall } from './vrrp-blocked-by-firewall.js';
import { authPassTooLong } from './auth-pass-too-long.js';
import { deprecatedKeyword } from './deprecated-keyword.js';
import { dialectKeyword } from './dialect-keyword.js';
import { drPortMismatch } from './dr-port-mismatch.js';
import { fwmarkPortIgnored } from './fwmark-port-ignored.js';
import { fwmarkProtocolIgnored } from './fwmark-protocol-ignored.js';
import { quorumExceedsWeight } from './quorum-exceeds-weight.js';
import { virtualServerDefault } from './virtual-server-default.js';
import { virtualServerWithoutRealServers } from './virtual-server-without-real-servers.js';
import { drRealServerNotOnLink } from './dr-real-server-not-on-link.js';
import { duplicateDefinition } from './duplicate-definition.js';
import { duplicateKeyword } from './duplicate-keyword.js';
import { duplicateVip } from './duplicate-vip.js';
import { duplicateVirtualServer } from './duplicate-virtual-server.js';
import { ignoredArguments } from './ignored-arguments.js';
import { duplicateRealServer } from './duplicate-real-server.js';
import { duplicateVrid } from './duplicate-vrid.js';
import { fnatRepliesMissing } from './fnat-replies-missing.js';
import { fnatWithoutLocalAddresses } from './fnat-without-local-addresses.js';
import { includeCycle } from './include-cycle.js';
import { includeNotFound } from './include-not-found.js';
import { includeOutsideRoot } from './include-outside-root.js';
import { interfaceNotOnHost } from './interface-not-on-host.js';
import { invalidPragma } from './invalid-pragma.js';
import { invalidValue } from './invalid-value.js';
import { invisibleCharacter } from './invisible-character.js';
import { localAddressNotOnHost } from './local-address-not-on-host.js';
import { missingArgument } from './missing-argument.js';
import { missingRequiredKeyword } from './missing-required-keyword.js';
import { noVirtualIpaddress } from './no-virtual-ipaddress.js';
import { nopreemptWithMaster } from './nopreempt-with-master.js';
import { realServerChecksDiffer } from './real-server-checks-differ.js';
import { realServerMissingFromIpvs } from './real-server-missing-from-ipvs.js';
import { scriptSecurityDisabled } from './script-security-disabled.js';
import { strictModeDropsVipTraffic } from './strict-mode-drops-vip-traffic.js';
import { syntaxError } from './syntax-error.js';
import { undefinedReference } from './undefined-reference.js';
import { unicastPeerIsSelf } from './unicast-peer-is-self.js';
import { unknownKeyword } from './unknown-keyword.js';
import { unusedDefinition } from './unused-definition.js';
import { vipBlockedByFirewall } from './vip-blocked-by-firewall.js';
import { vipIsHostAddress } from './vip-is-host-address.js';
import { vipOutsideInterfaceSubnet } from './vip-outside-interface-subnet.js';
import { wrongBlock } from './wrong-block.js';
import { addressFamilyMismatch } from './address-family-mismatch.js';
import { authenticationIgnored } from './authentication-ignored.js';
import { emptyNotificationEmail } from './empty-notification-email.js';
import { labelOnIpv6Address } from './label-on-ipv6-address.js';
import { preemptDelayIgnored } from './preempt-delay-ignored.js';
import { redundantTrackInterface } from './redundant-track-interface.js';
import { ruleWithoutPreference } from './rule-without-preference.js';
import { strictModeConflict } from './strict-mode-conflict.js';
import { syncGroupMembership } from './sync-group-membership.js';
import { trackedRouteProtocol } from './tracked-route-protocol.js';
import { trackingWeightIgnored } from './tracking-weight-ignored.js';
import { unicastWithoutPeers } from './unicast-without-peers.js';
import { vmacSettingIgnored } from './vmac-setting-ignored.js';
import { vmacWithUnicast } from './vmac-with-unicast.js';

export const allRules: readonly Rule[] = [
  syntaxError, unknownKeyword, wrongBlock, missingArgument, invalidValue, deprecatedKeyword, dialectKeyword,
  undefinedReference, duplicateDefinition, unusedDefinition, includeNotFound, includeCycle, includeOutsideRoot,
  nopreemptWithMaster, authPassTooLong, duplicateVrid, duplicateRealServer, scriptSecurityDisabled,
  noVirtualIpaddress, missingRequiredKeyword, invisibleCharacter, invalidPragma,
  drPortMismatch, virtualServerWithoutRealServers, quorumExceedsWeight, fwmarkPortIgnored, fwmarkProtocolIgnored, virtualServerDefault,
  fnatWithoutLocalAddresses, realServerChecksDiffer,
  localAddressNotOnHost, unicastPeerIsSelf, interfaceNotOnHost, vipOutsideInterfaceSubnet, vipIsHostAddress,
  vipBlockedByFirewall, realServerMissingFromIpvs, fnatRepliesMissing, strictModeDropsVipTraffic, drRealServerNotOnLink,
  addressFamilyMismatch, authenticationIgnored, emptyNotificationEmail, labelOnIpv6Address, preemptDelayIgnored, redundantTrackInterface, ruleWithoutPreference,
  strictModeConflict, syncGroupMembership, trackedRouteProtocol, trackingWeightIgnored, unicastWithoutPeers, vmacSettingIgnored, vmacWithUnicast,
  duplicateKeyword, duplicateVip, duplicateVirtualServer, ignoredArguments,
];

/** Rules over the whole workspace: deployment parameters and VRRP pairs. */
export const workspaceRules: readonly WorkspaceRule[] = [
  swappedNodeParameters, parameterWrongNode, vridConflict, pairVipsDiffer, pairAuthDiffers, pairAdvertIntDiffers, pairPriorityTie, pairUnicastMismatch,
  pairVirtualServersDiffer, pairRealServersDiffer, pairVirtualServerSettingsDiffer, pairSyncGroupDiffers, pairVersionDiffers, virtualServerAddressNotVip, vrrpBlockedByFirewall,
];

/** Every rule's metadata, file rules and workspace rules alike. */
export const allRuleMetas: readonly RuleMeta[] = [...allRules, ...workspaceRules].map((r) => r.meta);

export const ruleIds: ReadonlySet<string> = new Set(allRuleMetas.map((m) => m.id));

export function ruleById(id: string): RuleMeta | undefined {
  return allRuleMetas.find((m) => m.id === id);
}
