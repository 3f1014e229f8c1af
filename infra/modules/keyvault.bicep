// Key Vault (RBAC) for the provider secrets. The app reads them as Key Vault references with its managed identity.
// Every secret is a required azd parameter: the app never starts with a reference that points at nothing.
param name string
param location string
param tags object

@secure()
@description('Secret name → value.')
param secrets object

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
    publicNetworkAccess: 'Enabled'
  }
}

resource secret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [for item in items(secrets): {
  parent: vault
  name: item.key
  properties: { value: item.value }
}]

output name string = vault.name
output uri string = vault.properties.vaultUri
