// The storage account: AfterSales tables (created by the app on start), the Functions host's blobs, and the
// container FC1 deploys the app package from. Shared keys are off: everything uses Entra ID.
param name string
param location string
param tags object
param deploymentContainerName string

@description('Refuse the public internet (default action Deny): only the app\'s subnet, trusted Azure services and allowedIpRanges get in.')
param restrictNetworkAccess bool

@description('The function app\'s subnet, admitted when the network is restricted; empty otherwise.')
param appSubnetId string

@description('Public IPv4 addresses or CIDR ranges admitted when the network is restricted (where `azd deploy` runs from).')
param allowedIpRanges array

var ipRules = [for range in allowedIpRanges: { value: range, action: 'Allow' }]

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: restrictNetworkAccess
      ? {
          defaultAction: 'Deny'
          bypass: 'AzureServices'
          virtualNetworkRules: [{ id: appSubnetId, action: 'Allow' }]
          ipRules: ipRules
        }
      : { defaultAction: 'Allow', bypass: 'AzureServices' }
  }

  resource blobs 'blobServices' = {
    name: 'default'

    resource deployments 'containers' = {
      name: deploymentContainerName
      properties: { publicAccess: 'None' }
    }
  }

  resource tables 'tableServices' = {
    name: 'default'
  }
}

output name string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
output tableEndpoint string = account.properties.primaryEndpoints.table
