// The Flex Consumption (FC1) plan and the function app on .NET 10 isolated. Every connection uses the user-assigned
// identity: AzureWebJobsStorage, ServiceBusConnection, the tables, Key Vault references and Application Insights.
param planName string
param appName string
param location string
param tags object
param identityId string
param identityClientId string
param maximumInstanceCount int
param instanceMemoryMB int
param deploymentContainerUrl string
param storageAccountName string
param tableEndpoint string
param tablePrefix string
param serviceBusNamespaceHost string
param ticketEventsQueue string
param notificationsQueue string
param appInsightsConnectionString string
param slaSweepSchedule string
param outboxRecoverySchedule string
param revisitsSchedule string
param weeklyDigestSchedule string
param monthlyReportSchedule string

@description('App setting name → Key Vault reference.')
param keyVaultReferences object

@description('What a deployment must set (Section__Key → value): addresses, the ticket link, the SMS account.')
param requiredSettings object

@description('The admin\'s settings beyond the code\'s defaults (Section__Key → value).')
param aftersalesSettings object

@description('Public https base URL in front of the app; empty: the app\'s default host name.')
param publicBaseUrl string

@description('The subnet the app integrates with (restricted network); empty: no virtual network.')
param appSubnetId string

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { tier: 'FlexConsumption', name: 'FC1' }
  properties: { reserved: true }
}

var hostSettings = {
  AzureWebJobsStorage__accountName: storageAccountName
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  ServiceBusConnection__fullyQualifiedNamespace: serviceBusNamespaceHost
  ServiceBusConnection__credential: 'managedidentity'
  ServiceBusConnection__clientId: identityClientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  // DefaultAzureCredential picks the user-assigned identity by this client id.
  AZURE_CLIENT_ID: identityClientId
  TicketEventsQueue: ticketEventsQueue
  NotificationsQueue: notificationsQueue
  SlaSweepSchedule: slaSweepSchedule
  OutboxRecoverySchedule: outboxRecoverySchedule
  RevisitsSchedule: revisitsSchedule
  WeeklyDigestSchedule: weeklyDigestSchedule
  MonthlyReportSchedule: monthlyReportSchedule
  Storage__TableServiceUri: tableEndpoint
  Storage__TablePrefix: tablePrefix
}

// Derived from the host name the app really got (unique default host names differ from the app name).
var publicBase = empty(publicBaseUrl) ? 'https://${app.properties.defaultHostName}' : publicBaseUrl
var derivedSettings = {
  // The full public URL Twilio calls: X-Twilio-Signature is computed over it.
  SmsInboundUrl: '${publicBase}/api/sms/inbound'
  // Where Twilio reports each text's delivery (the SmsStatus function), signed over this URL plus the text's query.
  Sms__StatusCallback: '${publicBase}/api/sms/status'
  // Survey links: this base + the signed token (the SurveyResponse function's short route s/{token}). A zh-CN
  // survey text with its link must fit two SMS segments: start-up refuses a base too long for that.
  Texts__SurveyLinkBase: '${publicBase}/api/s/'
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    virtualNetworkSubnetId: empty(appSubnetId) ? null : appSubnetId
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  // No FTP or Kudu basic-auth publishing: deployments authenticate with Entra ID (azd uses the deployment container).
  resource ftpBasicAuth 'basicPublishingCredentialsPolicies' = {
    name: 'ftp'
    properties: { allow: false }
  }

  resource scmBasicAuth 'basicPublishingCredentialsPolicies' = {
    name: 'scm'
    properties: { allow: false }
  }

  resource settings 'config' = {
    name: 'appsettings'
    properties: union(aftersalesSettings, requiredSettings, hostSettings, derivedSettings, keyVaultReferences)
  }
}

output name string = app.name
output url string = publicBase
