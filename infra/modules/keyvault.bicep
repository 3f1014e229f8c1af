// Key Vault (RBAC) for the provider secrets, purge protection on; Key Vault itself accepts TLS 1.2 or later only. The app reads them as Key Vault references with its managed identity.
// Every secret is a required azd parameter: the app never starts with a reference that points at nothing.
param name string
param location string
param tags object

@description('Refuse the public internet (default action Deny): only the app\'s subnet, trusted Azure services and allowedIpRanges get in.')
param restrictNetworkAccess bool

@description('The function app\'s subnet, admitted when the network is restricted; empty otherwise.')
param appSubnetId string

@description('Public IPv4 addresses or CIDR ranges admitted when the network is restricted (where `azd provision` runs from: it writes the secrets).')
param allowedIpRanges array

@secure()
@description('Secret name → value.')
param secrets object

var ipRules = [for range in allowedIpRanges: { value: range }]

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    // A deleted vault (and every secret) can be recovered for 7 days and not purged sooner by anyone.
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
    networkAcls: restrictNetworkAccess
      ? {
          defaultAction: 'Deny'
          bypass: 'AzureServices'
          virtualNetworkRules: [{ id: appSubnetId, ignoreMissingVnetServiceEndpoint: false }]
          ipRules: ipRules
        }
      : { defaultAction: 'Allow', bypass: 'AzureServices' }
  }
}

resource secret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [for item in items(secrets): {
  parent: vault
  name: item.key
  properties: { value: item.value }
}]

output name string = vault.name
output uri string = vault.properties.vaultUri
